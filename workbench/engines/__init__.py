"""Machine-translation backends (transformers, CTranslate2, memory).

The only layer that may import torch, transformers, sentencepiece or ctranslate2.
"""
