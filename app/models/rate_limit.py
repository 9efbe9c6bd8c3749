"""Rate-limit counters, in the database so that every worker and every host shares them."""

from sqlalchemy import BigInteger, String
from sqlmodel import Field, SQLModel


class RateLimitCounter(SQLModel, table=True):
    __tablename__ = "rate_limit_counter"

    # "key:<id>" or "address:<ip>"; never the key itself.
    bucket: str = Field(sa_type=String(80), primary_key=True)
    # Unix seconds: BIGINT, so that it outlives 2038.
    window_start: int = Field(sa_type=BigInteger)
    hits: int
