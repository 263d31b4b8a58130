"""util.py in app_pkgs/b/other: same file name and function name as app_pkgs/a/pkg/util.py."""


def compute(n):
    total = 1
    for i in range(1, n + 1):
        total = (total * i) % 1000003
    return total
