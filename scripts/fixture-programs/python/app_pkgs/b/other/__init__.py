"""Package `other` in app_pkgs/b: module-level code plus a function `helper`."""
TABLE = dict((i, -i) for i in range(10))


def helper(x):
    return len(TABLE) * x
