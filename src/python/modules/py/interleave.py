"""`interleave.simulate(...)`: settings of the simulated API (docs/simulated-api.md)."""
import _interleave


def simulate(latency=None, failure_rate=0.0):
    """Fixed latency for every later request (None: the default), and a failure rate 0..1."""
    _interleave.simulate(latency, failure_rate)
