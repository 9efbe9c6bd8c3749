"""Rate-limit counters, in the database so that every worker and every host shares them."""

from sqlalchemy import String
from sqlmodel import Field, SQLModel


class RateLimitCounter(SQLModel, table=True):
    __tablename__ = "rate_limit_counter"

    # "key:<id>" or "address:<ip>"; never the key itself.
    bucket: str = Field(sa_type=String(80), primary_key=True)
    window_start: int
    hits: int
