"""Package `pkg` in app_pkgs/a: module-level code plus a function `helper`."""
TABLE = [i * i for i in range(10)]


def helper(x):
    return sum(TABLE) + x
