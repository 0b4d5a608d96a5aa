"""Development-only tooling: engine evaluation and the synthetic corpus generator.

Loaded as a Django app only when ``DEV_TOOLS`` is true (default: same as ``DEBUG``),
so production never ships its commands. Product apps never import it; it may
import them all.
"""
