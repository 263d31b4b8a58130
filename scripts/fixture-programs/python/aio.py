"""A small asyncio program for the asyncio fixture: tasks, gather, sleeps and a generator."""
import asyncio


async def work(n):
    await asyncio.sleep(0.001)
    return sum(i * i for i in range(n))


async def main():
    results = await asyncio.gather(*(work(i * 100) for i in range(20)))
    print(sum(results))


asyncio.run(main())
