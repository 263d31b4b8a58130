"""util.py in app_pkgs/a/pkg: same file name and function name as app_pkgs/b/other/util.py."""


def compute(n):
    return sum(range(n))
