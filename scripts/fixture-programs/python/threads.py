"""Workload whose work happens on worker threads (Python 2.7 and 3.6+).

Python 3.12+ cProfile records calls on these threads; older versions
record only the main thread.
"""
from __future__ import print_function

import threading


def worker_fib(n):
    if n < 2:
        return n
    return worker_fib(n - 1) + worker_fib(n - 2)


def worker_sum(n):
    return sum(i * i for i in range(n))


def worker_sort(n):
    return sorted(range(n), key=lambda x: -x)[0]


def main():
    out = {}

    def run(name, func, arg):
        out[name] = func(arg)

    threads = [
        threading.Thread(target=run, args=("fib", worker_fib, 12)),
        threading.Thread(target=run, args=("sum", worker_sum, 2000)),
        threading.Thread(target=run, args=("sort", worker_sort, 500)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("threads.py done:", sorted(out))


if __name__ == "__main__":
    main()
