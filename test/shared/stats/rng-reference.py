"""Reference words for test/shared/stats/rng.test.ts. Run: python3 test/shared/stats/rng-reference.py"""
# Reference: splitmix32 seeding as in shared/stats/rng.ts, then xoshiro128** (Blackman & Vigna reference C).
M = 0xffffffff
def imul(a, b): return (a * b) & M
def splitmix32(x):
    t = (x + 0x9e3779b9) & M
    t = imul(t ^ (t >> 16), 0x85ebca6b)
    t = imul(t ^ (t >> 13), 0xc2b2ae35)
    return t ^ (t >> 16)
def seed_state(seed, stream=0):
    whole = abs(seed); low = whole % 2**32; high = (whole // 2**32) + (0x200000 if seed < 0 else 0)
    inputs = [low & M, high & M, stream & M, 0x6a09e667]
    z = 0; st = []
    for v in inputs:
        z = splitmix32(z ^ v); st.append(z)
    return st
def rotl(x, k): return ((x << k) | (x >> (32 - k))) & M
def xoshiro(st):
    s = list(st)
    while True:
        result = imul(rotl(imul(s[1], 5), 7), 9)
        t = (s[1] << 9) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11)
        yield result
for args in [(42, 0), (42, 1), (0, 0), (-7, 0), (2**40 + 5, 3)]:
    g = xoshiro(seed_state(*args)); [next(g) for _ in range(8)]; print(args, [next(g) for _ in range(4)])
