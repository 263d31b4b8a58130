"""A small real test suite for the unittest fixture: profiled with -m unittest discover."""
import json
import unittest


class Small(unittest.TestCase):
    def test_sum(self):
        self.assertEqual(sum(range(100)), 4950)

    def test_json_round_trip(self):
        data = [1, {"a": 2, "ü": [3.5, None]}]
        self.assertEqual(json.loads(json.dumps(data)), data)


if __name__ == "__main__":
    unittest.main()
