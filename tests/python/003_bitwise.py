# bitwise operators on positive and negative ints
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(-5 & 3, -5 | 3, -5 ^ 3, ~-5, -5 >> 1, -5 << 3, -1 >> 10)
print(bin(a & b), bin(a | b), hex(255 ^ 15), oct(64 >> 1))
print(1 << 62, (1 << 62) >> 60)
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print("flags", flags, bin(flags))
print("bit 3 set?", bool(flags & (1 << 3)), "bit 4 set?", bool(flags & (1 << 4)))
flags &= ~(1 << 3)
print("after clear", bin(flags))
print(0xFF & 0x0F, 0xF0 | 0x0F, 6 ^ 6, 7 ^ 0)
print(True & False, True | False, True ^ True)
