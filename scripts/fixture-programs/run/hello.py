"""A tiny program for prof2calltree's -r tests: records its arguments, calls a few functions.

Writes its arguments and working directory, as JSON, to hello-run.json in the current directory,
prints a greeting, and exits with the status given by `--exit N` (default 0).
Runs on Python 2.7 and 3.x.
"""
import json
import os
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def greet(args):
    return "hello from hello.py: " + " ".join(args)


def record(args):
    with open("hello-run.json", "w") as out:
        json.dump({"args": args, "cwd": os.getcwd(), "fib": fib(15)}, out)


def main(args):
    record(args)
    print(greet(args))
    if "--exit" in args:
        return int(args[args.index("--exit") + 1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
