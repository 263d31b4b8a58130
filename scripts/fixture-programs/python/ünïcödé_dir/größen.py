"""Python 3 only: functions with non-ASCII names."""


def größe(x):
    return x * 2


def π():
    return 3.14159


def run():
    return größe(21) + π()
