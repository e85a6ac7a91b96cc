"""Language packs (placeholder until the packs land): which languages the stages speak."""


def has_pack(code: str) -> bool:
    return code == "ru"
