# f-string format specs: precision, grouping, percent, alignment, zero padding, bases, exponent
x = 3.14159
n = 1234567
p = 0.4567
s = "hi"
print(f"{x:.1f}|{x:.3f}|{x:10.2f}|{x:<10.2f}|{x:^10.2f}|{x:08.3f}|{-x:08.3f}")
print(f"{n:,}|{n:_}|{n:,.2f}|{n:>12,}|{-n:,}")
print(f"{p:.0%}|{p:.1%}|{1.5:%}|{0.005:.0%}")
print(f"{s!r}|{s:>8}|{s:<8}|{s:^10}|{s:*^10}|{s:-<6}|{s:.1}")
print(f"{x:e}|{x:.2e}|{12345.678:E}|{0.000123:g}|{123456789.0:g}|{1e-5:g}")
print(f"{255:x}|{255:X}|{255:#x}|{5:b}|{5:#b}|{8:o}|{8:#o}|{255:08b}|{10:#06x}")
print(f"{42:5d}|{42:<5d}|{42:^5}|{42:+d}|{-42:+d}|{42: d}|{42:05d}|{-42:05d}")
print(f"{1e16}|{1e-5}|{123.0}|{1/3}|{2/3:.15f}")
print(f"{True}|{True:d}|{None}|{[1, 2]}|{(1,)}")
print(f"{'left':<10}|{'right':>10}|")
print(f"{3:.2f}|{7:.1f}|{2.5:.0f}|{3.5:.0f}|{0.125:.2f}|{2.675:.2f}")
print(f"{1234.5:,.1f}|{-0.0:.1f}|{float('inf'):.2f}|{float('nan'):f}")
print(f"{'x':>{5}}|{x:{'.2f'}}|{{literal braces}}")
