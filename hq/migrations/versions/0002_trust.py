"""trust: sales for returns, held adjustments, tier history, terminal clock skew

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
Stamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table('terminals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_contact_at', Stamp, nullable=True))
        batch_op.add_column(sa.Column('clock_skew_at', Stamp, nullable=True))
        batch_op.add_column(sa.Column('clock_skew_events', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_tier', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('tier_changed_at', Stamp, nullable=True))
    op.create_table('sales',
    sa.Column('receipt_no', sa.String(length=80), nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('member_code', sa.String(length=20), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('lines', sa.Text(), nullable=False),
    sa.Column('returned', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('receipt_no')
    )
    op.create_table('held_adjustments',
    sa.Column('review_id', BigId, autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=40), nullable=False),
    sa.Column('terminal_id', sa.String(length=40), nullable=False),
    sa.Column('member_code', sa.String(length=20), nullable=False),
    sa.Column('entry_id', sa.String(length=160), nullable=False),
    sa.Column('points', sa.BigInteger(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=80), nullable=False),
    sa.Column('supervisor_id', sa.String(length=80), nullable=False),
    sa.Column('why_held', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('held_at', Stamp, nullable=False),
    sa.Column('decided_at', Stamp, nullable=True),
    sa.Column('decided_by', sa.String(length=80), nullable=True),
    sa.Column('decision_reason', sa.String(length=300), nullable=True),
    sa.PrimaryKeyConstraint('review_id'),
    sa.UniqueConstraint('event_id')
    )
    with op.batch_alter_table('held_adjustments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_held_adjustments_status'), ['status'], unique=False)


def downgrade() -> None:
    op.drop_table('held_adjustments')
    op.drop_table('sales')
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('tier_changed_at')
        batch_op.drop_column('prev_tier')
    with op.batch_alter_table('terminals', schema=None) as batch_op:
        batch_op.drop_column('clock_skew_events')
        batch_op.drop_column('clock_skew_at')
        batch_op.drop_column('last_contact_at')
