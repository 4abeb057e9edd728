# dict keys and items views are set-like: == with sets and other views, & | - ^ (either
# side, any iterable) give sets, isdisjoint, subset comparisons; values views are not
prices = {"apple": 3, "pear": 5, "plum": 2}
stock = {"pear": 1, "plum": 0, "kiwi": 7}

print(prices.keys() == {"apple", "pear", "plum"}, {"plum", "pear", "apple"} == prices.keys())
print(prices.keys() == stock.keys(), prices.keys() != {"apple"})
print(prices.items() == {("apple", 3), ("pear", 5), ("plum", 2)})
print(dict(a=1).items() == dict(a=1).items(), prices.keys() == ["apple", "pear", "plum"])

both = prices.keys() & stock.keys()
print(type(both).__name__, sorted(both))
print(sorted(prices.keys() | stock.keys()))
print(sorted(prices.keys() - stock.keys()), sorted(stock.keys() - prices.keys()))
print(sorted(prices.keys() ^ stock.keys()))
print(sorted(prices.keys() & ["plum", "fig"]), sorted(["plum", "fig"] - prices.keys()))
print(sorted({"pear", "fig"} | prices.keys()))
print(sorted(prices.items() & {("pear", 5), ("pear", 1)}))
print(sorted(prices.items() - stock.items()))

print(prices.keys().isdisjoint(["fig", "kiwi"]), prices.keys().isdisjoint(stock))
print(prices.items().isdisjoint({("plum", 2)}))
print(prices.keys() <= {"apple", "pear", "plum", "fig"}, prices.keys() < prices.keys())
print({"apple"} < prices.keys(), prices.keys() >= {"pear"})

missing = {"apple", "pear", "plum", "fig"} - prices.keys()
print("missing:", missing)
for bad in (lambda: prices.keys() & 5, lambda: prices.values() & {1}):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(prices.values() == prices.values())
