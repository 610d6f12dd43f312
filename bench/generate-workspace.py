#!/usr/bin/env python3
"""Writes a deterministic benchmark workspace of about SIZE MiB (default 1024).

Shape of a real CI workspace after a build: tens of thousands of small source-like text files, a few hundred
small binary files, and a few large files of different compressibility (an incompressible archive, a build
log, a semi-compressible binary, a database-like file).
"""
import os
import random
import sys

MIB = 1024 * 1024


def text_pool(rng, size):
    words = ["public", "private", "static", "final", "class", "return", "import", "void", "int", "long",
             "String", "List", "Map", "new", "if", "else", "for", "while", "try", "catch", "throw", "null",
             "true", "false", "this", "extends", "implements", "interface", "record", "var"]
    idents = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 12)))
              for _ in range(4000)]
    punct = ["(", ")", "{", "}", ";", ".", ",", " = ", " + ", " == ", "<", ">", "[", "]"]
    out, total = [], 0
    while total < size:
        indent = "    " * rng.randint(0, 4)
        toks = []
        for _ in range(rng.randint(2, 14)):
            r = rng.random()
            toks.append(rng.choice(words) if r < 0.3 else rng.choice(idents) if r < 0.75
                        else rng.choice(punct) if r < 0.95 else str(rng.randint(0, 100000)))
        line = indent + " ".join(toks) + "\n"
        out.append(line)
        total += len(line)
    return "".join(out).encode()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def main():
    root = sys.argv[1]
    size = int(sys.argv[2]) * MIB if len(sys.argv) > 2 else 1024 * MIB
    rng = random.Random(20261126)
    pool = text_pool(rng, 16 * MIB)
    written = 0

    # 37.5% small source-like files, 1-40 KiB, in a deep tree
    target = size * 3 // 8
    n = 0
    while written < target:
        length = min(int(rng.lognormvariate(8.8, 0.9)) + 200, 40 * 1024)
        start = rng.randrange(0, len(pool) - length)
        path = os.path.join(root, "src", "module-%02d" % (n % 24), "pkg-%03d" % (n // 24 % 90),
                            "File%05d.java" % n)
        write(path, pool[start:start + length])
        written += length
        n += 1
    # small binaries: class-file-like, half text half random
    for i in range(1500):
        half = rng.randint(1024, 6 * 1024)
        start = rng.randrange(0, len(pool) - half)
        write(os.path.join(root, "build", "classes", "c%02d" % (i % 30), "C%04d.class" % i),
              pool[start:start + half] + rng.randbytes(half))
        written += 2 * half
    # large files
    remaining = size - written
    big = {
        "build/libs/app.jar": (remaining * 25 // 100, "random"),
        "logs/build.log": (remaining * 30 // 100, "text"),
        "data/model.bin": (remaining * 25 // 100, "mixed"),
    }
    big["build/cache.db"] = (remaining - sum(s for s, _ in big.values()), "sparse")
    for rel, (length, kind) in big.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            left = length
            while left > 0:
                chunk = min(left, 4 * MIB)
                if kind == "random":
                    data = rng.randbytes(chunk)
                elif kind == "text":
                    start = rng.randrange(0, len(pool) - chunk)
                    data = pool[start:start + chunk]
                elif kind == "mixed":
                    blocks = []
                    for _ in range(chunk // 8192):
                        blocks.append(rng.randbytes(4096))
                        start = rng.randrange(0, len(pool) - 4096)
                        blocks.append(pool[start:start + 4096])
                    data = b"".join(blocks)[:chunk]
                    data += bytes(chunk - len(data))
                else:
                    data = bytearray(chunk)
                    for _ in range(chunk // 65536):
                        pos = rng.randrange(0, chunk - 512)
                        data[pos:pos + 512] = rng.randbytes(512)
                    data = bytes(data)
                f.write(data)
                left -= chunk
    # a few empty directories and links that stay inside
    for d in ("build/tmp/empty", "logs/archive"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    os.symlink("libs/app.jar", os.path.join(root, "build", "app-latest.jar"))
    print("wrote %d small files and 4 large files, %.0f MiB" % (n + 1500, size / MIB))


if __name__ == "__main__":
    main()
