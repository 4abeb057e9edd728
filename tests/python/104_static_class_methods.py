# @staticmethod and @classmethod: alternative constructors, counters, inheritance of classmethods
class Date:
    created = 0

    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.created += 1

    @classmethod
    def from_string(cls, text):
        y, m, d = (int(p) for p in text.split("-"))
        return cls(y, m, d)

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    @classmethod
    def how_many(cls):
        return f"{cls.__name__}: {cls.created} created"

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class FancyDate(Date):
    pass

print(Date.from_string("2024-02-29"))
print(FancyDate.from_string("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), Date.is_leap(2024), Date(2020, 1, 1).is_leap(2023))
print(Date.how_many(), FancyDate.how_many())
