"""Machine-translation backends (transformers, CTranslate2, memory); the only layer that may import torch."""
