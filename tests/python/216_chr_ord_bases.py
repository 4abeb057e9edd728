# chr/ord, bin/hex/oct and parsing back with int(x, base), a Caesar cipher
print(ord("A"), ord("a"), ord("0"), ord(" "), ord("é"), ord("中"), ord("😀"))
print(chr(65), chr(97), chr(48), chr(233), chr(20013), chr(128512), repr(chr(10)))
print(bin(10), bin(-10), bin(0), hex(255), hex(-255), hex(0), oct(8), oct(-8))
print(int(bin(10), 2), int(hex(255), 16), int(oct(8), 8), int("1010", 2), int("-ff", 16))
print(bin(2 ** 40), hex(9223372036854775807), len(bin(1000)) - 2, (1000).bit_length())
def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha() and ch.isascii():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))
print([ord(c) for c in "abc"], "".join(chr(c) for c in range(97, 102)))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
