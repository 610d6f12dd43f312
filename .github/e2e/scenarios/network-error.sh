#!/usr/bin/env bash
# A dependency download that cannot reach its registry.
echo "Downloading from central: https://repo.example.invalid/org/example/lib/1.0/lib-1.0.pom"
echo "[ERROR] Failed to execute goal on project app: Could not transfer artifact org.example:lib:pom:1.0 from/to central: Connection reset"
exit 1
