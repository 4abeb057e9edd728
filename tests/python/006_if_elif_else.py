# if / elif / else chains and nested conditions, with truthiness of values
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"

for s in (95, 85, 72, 10, 90, 80):
    print(s, grade(s))

def describe(value):
    if value:
        if isinstance(value, str):
            return "non-empty string"
        elif isinstance(value, list):
            return f"list of {len(value)}"
        return "truthy " + type(value).__name__
    else:
        return "falsy " + repr(value)

for v in ("hi", "", [1, 2], [], 0, 3.5, None, {}, {"a": 1}, 0.0):
    print(describe(v))
if 0:
    print("never")
elif None:
    print("never either")
print("done")
