#!/usr/bin/env bash
# Train the shipped claim–evidence entailment model (and, with --dev, a model with the
# development splits held out, printing its dev scores). Data: ../shared/data.
# Sentence vectors are kept in $CACHE, so a second run skips the embedding (most of the time).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
CACHE=${CACHE:-/tmp/newsaudit-entail-vectors.npz}
OUT=${OUT:-src/newsaudit/data/entail/entail-minilm.npz}
export OPENBLAS_NUM_THREADS=${THREADS:-2} OMP_NUM_THREADS=${THREADS:-2}
if [ "${1:-}" = "--dev" ]; then
  DEV_MODEL=${DEV_MODEL:-/tmp/newsaudit-entail-dev.npz}
  exec .venv/bin/newsaudit train verify --data "$DATA" --dev --seed 13 --cache "$CACHE" \
    --threads "${BOOST_THREADS:-1}" --out "$DEV_MODEL"
fi
exec .venv/bin/newsaudit train verify --data "$DATA" --seed 13 --cache "$CACHE" \
  --threads "${BOOST_THREADS:-1}" --out "$OUT"
