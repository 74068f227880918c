#!/usr/bin/env python3
"""Generates a synthetic repository of images for the Plan benchmark.

Each image gets 10 to 60 files of 200 bytes to 48 KiB (a few larger assets) in some folders. About one in five has
a .dockerignore, and about one in four builds on an earlier image of the same repository, in chains up to four deep.
The same seed always gives the same tree.
"""
import argparse
import os
import random


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", help="folder to create the repository in")
    parser.add_argument("--images", type=int, default=1000, help="number of images (default 1000)")
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()

    rng = random.Random(arguments.seed)
    os.makedirs(os.path.join(arguments.root, ".nuke"), exist_ok=True)
    depth = {}
    names = []
    for index in range(arguments.images):
        name = f"app{index // 2:04d}"
        version = f"{index % 2 + 1}.0"
        folder = os.path.join(arguments.root, "images", name, version)
        parents = [n for n in names if depth[n] < 4]
        if parents and rng.random() < 0.25:
            parent = rng.choice(parents[-50:])
            base = "${REPOSITORY_PREFIX}/" + parent.replace("/", ":")
            depth[f"{name}/{version}"] = depth[parent] + 1
        else:
            base = "busybox:1.36"
            depth[f"{name}/{version}"] = 0
        names.append(f"{name}/{version}")
        dockerfile = f"ARG REPOSITORY_PREFIX=docker.io/bench\nFROM {base}\nCOPY . /srv/{name}/\nCMD [\"sh\"]\n"
        write(os.path.join(folder, "Dockerfile"), dockerfile.encode())
        for number in range(rng.randint(10, 60)):
            subfolder = rng.choice(["", "src", "src/lib", "assets", "config", "tests"])
            size = rng.choice([200, 800, 2_000, 6_000, 16_000, 48_000]) if number % 15 else 200_000
            extension = rng.choice([".py", ".js", ".json", ".txt", ".css", ".log"])
            write(os.path.join(folder, subfolder, f"file{number:03d}{extension}"), rng.randbytes(size))
        if rng.random() < 0.2:
            write(os.path.join(folder, ".dockerignore"), b"*.log\ntests/\n!tests/keep.txt\n")
    print(f"{arguments.images} images in {arguments.root}")


if __name__ == "__main__":
    main()
