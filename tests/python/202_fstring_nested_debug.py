# f-strings: nested specs {x:{w}.{p}f}, the = specifier, conversions, expressions inside
x = 2.718281828
w, p = 10, 3
name = "Ada"
items = [1, 2, 3]
print(f"[{x:{w}.{p}f}]")
print(f"[{x:{w + 2}.{p - 1}f}]")
print(f"[{name:{'>'}{w}}]")
print(f"{x=}")
print(f"{x=:.2f}")
print(f"{name=}, {name = }")
print(f"{len(items)=} {items[0] + items[-1]=}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{items} {items!r} {items[1:]} {sum(items) / len(items):.2f}")
print(f"{'yes' if x > 2 else 'no'} {x > 2 and 'ok'}")
d = {"k": "v"}
print(f"{d['k']} {d!r} {', '.join(str(i) for i in items)}")
width = 6
for row in range(3):
    print(f"|{row:>{width}}|{row * 1.5:<{width}.1f}|")
print(f"{3 * 4:^{width}}|" + f"{'multi' f'part'}")
