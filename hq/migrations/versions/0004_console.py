"""operators, sessions, audit log and report rollups for the console

Revision ID: 0004
Revises: 0001
Create Date: 2026-12-02 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
Stamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table('operators',
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('store_id', sa.String(length=40), nullable=True),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', Stamp, nullable=True),
    sa.Column('report_token_hash', sa.String(length=64), nullable=True),
    sa.Column('created_at', Stamp, nullable=False),
    sa.Column('disabled_at', Stamp, nullable=True),
    sa.PrimaryKeyConstraint('username'),
    sa.UniqueConstraint('report_token_hash')
    )
    op.create_table('operator_sessions',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('csrf', sa.String(length=64), nullable=False),
    sa.Column('created_at', Stamp, nullable=False),
    sa.Column('last_seen_at', Stamp, nullable=False),
    sa.PrimaryKeyConstraint('token_hash')
    )
    op.create_index('ix_operator_sessions_username', 'operator_sessions', ['username'], unique=False)
    op.create_table('audit_log',
    sa.Column('id', BigId, autoincrement=True, nullable=False),
    sa.Column('at', Stamp, nullable=False),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('target', sa.String(length=120), nullable=False),
    sa.Column('before', sa.Text(), nullable=False),
    sa.Column('after', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('rollup_marks',
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('mark', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('source')
    )
    op.create_table('rollup_holes',
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('row_id', sa.BigInteger(), nullable=False),
    sa.Column('seen_at', Stamp, nullable=False),
    sa.PrimaryKeyConstraint('source', 'row_id')
    )
    op.create_table('rollup_daily',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('store_id', sa.String(length=40), nullable=False),
    sa.Column('points_issued', sa.BigInteger(), nullable=False),
    sa.Column('points_redeemed', sa.BigInteger(), nullable=False),
    sa.Column('points_expired', sa.BigInteger(), nullable=False),
    sa.Column('points_net', sa.BigInteger(), nullable=False),
    sa.Column('sales_count', sa.BigInteger(), nullable=False),
    sa.Column('sales_cents', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('day', 'store_id')
    )
    op.create_index('ix_members_enrolled_at', 'members', ['enrolled_at'], unique=False)
    op.create_table('rollup_buyers',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('store_id', sa.String(length=40), nullable=False),
    sa.Column('member_code', sa.String(length=20), nullable=False),
    sa.Column('purchases', sa.Integer(), nullable=False),
    sa.Column('cents', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('day', 'store_id', 'member_code')
    )


def downgrade() -> None:
    op.drop_index('ix_members_enrolled_at', table_name='members')
    for table in ('rollup_buyers', 'rollup_daily', 'rollup_holes', 'rollup_marks', 'audit_log'):
        op.drop_table(table)
    op.drop_index('ix_operator_sessions_username', table_name='operator_sessions')
    op.drop_table('operator_sessions')
    op.drop_table('operators')
