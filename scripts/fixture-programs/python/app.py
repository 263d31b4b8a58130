# -*- coding: utf-8 -*-
"""Workload for the pstats fixtures (runs on Python 2.7 and 3.6+).

Usage: app.py [--fib N] [--threads N]

Exercises direct recursion, mutual recursion, threads, same-named
functions in different directories and in one file, json, and a
source directory with a non-ASCII name.  Keep it free of f-strings:
Python 2.7 runs it too.
"""
from __future__ import print_function

import json
import os
import sys
import threading

PY3 = sys.version_info[0] >= 3
HERE = os.path.dirname(os.path.abspath(__file__))

# Same-named packages/functions in different directories.
sys.path.insert(0, os.path.join(HERE, "app_pkgs", "a"))
sys.path.insert(0, os.path.join(HERE, "app_pkgs", "b"))
import pkg  # noqa: E402  app_pkgs/a/pkg/__init__.py
import other  # noqa: E402  app_pkgs/b/other/__init__.py
from pkg import util as util_a  # noqa: E402
from other import util as util_b  # noqa: E402

# A source directory with a non-ASCII name.
UNI_DIR = os.path.join(HERE, "ünïcödé_dir")
if PY3:
    import importlib
    sys.path.insert(0, UNI_DIR)
    mode = importlib.import_module("modé")
    names3 = importlib.import_module("größen")  # non-ASCII function names
else:
    import imp
    mode = imp.load_source("mode", os.path.join(UNI_DIR, "modé.py"))
    names3 = None


# --- direct recursion -------------------------------------------------------
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


# --- mutual recursion -------------------------------------------------------
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


# --- two decorators, each producing a function called `wrapper` -------------
def logged(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def counted(func):
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        return func(*args, **kwargs)
    return wrapper


@logged
def square(x):
    return x * x


@counted
def cube(x):
    return x * x * x


# --- same-named methods in two classes --------------------------------------
class Circle(object):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r * self.r

    def describe(self):
        return "circle %d" % self.r


class Square(object):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side

    def describe(self):
        return "square %d" % self.side


# --- lambdas, generator expressions, comprehensions -------------------------
def shapes_and_sums(n):
    shapes = [Circle(i) for i in range(n)] + [Square(i) for i in range(n)]
    by_area = sorted(shapes, key=lambda s: s.area())
    doubled = list(map(lambda x: x * 2, range(n)))
    total = sum(s.area() for s in by_area)
    evens = sum(1 for x in doubled if x % 4 == 0)
    names = [s.describe() for s in shapes]
    lengths = dict((k, len(k)) for k in names)
    return total, evens, len(lengths)


# --- json ------------------------------------------------------------------
def json_round_trip(n):
    doc = {"numbers": list(range(n)), "name": "fixture", "nested": {"ok": True}}
    text = json.dumps(doc, sort_keys=True)
    back = json.loads(text)
    return len(back["numbers"])


# --- threads ----------------------------------------------------------------
def thread_work(n, out, idx):
    out[idx] = fib(n) + util_a.compute(n) + util_b.compute(n)


def run_threads(count, n):
    out = [None] * count
    threads = [threading.Thread(target=thread_work, args=(n, out, i))
               for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def main(argv):
    fib_n = 15
    n_threads = 2
    i = 1
    while i < len(argv):
        if argv[i] == "--fib":
            fib_n = int(argv[i + 1])
            i += 2
        elif argv[i] == "--threads":
            n_threads = int(argv[i + 1])
            i += 2
        else:
            raise SystemExit("unknown argument: " + argv[i])
    results = [
        fib(fib_n),
        is_even(25),
        is_odd(16),
        square(7),
        cube(3),
        pkg.helper(3),
        other.helper(4),
        util_a.compute(5),
        util_b.compute(6),
        shapes_and_sums(12),
        json_round_trip(20),
        mode.shout("héllo"),
        run_threads(n_threads, 10),
    ]
    if names3 is not None:
        results.append(names3.run())
    print("app.py done:", len(results))


if __name__ == "__main__":
    main(sys.argv)
