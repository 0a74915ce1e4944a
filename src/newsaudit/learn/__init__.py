"""Training and evaluation of newsaudit's learned models (data reading, features, metrics)."""
