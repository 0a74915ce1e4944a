#!/usr/bin/env bash
# Train the shipped stance model (and, with --dev, a dev-split model and its dev scores).
# Data comes from ../shared/data relative to the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
FNC=../shared/data/fnc-1
OUT=${OUT:-src/newsaudit/data/stance/stance-fnc1.npz}
if [ "${1:-}" = "--dev" ]; then
  DEV_MODEL=${DEV_MODEL:-/tmp/newsaudit-stance-dev.npz}
  .venv/bin/newsaudit train stance --data "$FNC" --hold-out "$FNC/splits/hold_out_ids.txt" \
    --seed 13 --out "$DEV_MODEL"
  exec .venv/bin/newsaudit eval stance --bodies "$FNC/train_bodies.csv" \
    --stances "$FNC/train_stances.csv" --only "$FNC/splits/hold_out_ids.txt" --model "$DEV_MODEL"
fi
exec .venv/bin/newsaudit train stance --data "$FNC" --seed 13 --out "$OUT"
