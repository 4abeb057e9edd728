# center/ljust/rjust/zfill, partition/rpartition, encode length, expandtabs, multiplication tables
print(repr("hi".center(6)), repr("hi".center(7, "*")), repr("hi".ljust(5, ".")), repr("hi".rjust(5)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "3.14".zfill(7))
print("key=value=x".partition("="), "key=value=x".rpartition("="))
print("no separator".partition(":"), "no separator".rpartition(":"))
print(len("hello".encode()), len("héllo".encode()), len("中文".encode()), len("😀".encode()), len("😀"))
print("a\tb\tc".expandtabs(4), "x".center(1), "toolong".center(3))
for i in range(1, 4):
    print(" ".join(str(i * j).rjust(3) for j in range(1, 6)))
header = "Name".ljust(10) + "Score".rjust(6)
print(header)
print("-" * len(header))
for name, score in [("Ada", 95), ("Alan", 87.5)]:
    print(name.ljust(10) + str(score).rjust(6))
