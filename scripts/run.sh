#!/usr/bin/env bash
# README command 1: set-up, build, and the main job on the samples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$(nproc)"
./build/prikaz check samples/
