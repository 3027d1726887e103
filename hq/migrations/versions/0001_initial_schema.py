"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 11:05:51.760759
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('channels',
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('channel'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_table('coupon_conflicts',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('coupon_id', sa.String(length=80), nullable=False),
    sa.Column('event_id', sa.String(length=80), nullable=False),
    sa.Column('store_id', sa.String(length=40), nullable=False),
    sa.Column('member_code', sa.String(length=20), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('coupon_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupon_conflicts_coupon_id'), ['coupon_id'], unique=False)

    op.create_table('coupon_uses',
    sa.Column('coupon_id', sa.String(length=80), nullable=False),
    sa.Column('event_id', sa.String(length=80), nullable=False),
    sa.Column('store_id', sa.String(length=40), nullable=False),
    sa.Column('member_code', sa.String(length=20), nullable=True),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('coupon_id')
    )
    op.create_table('coupons',
    sa.Column('coupon_id', sa.String(length=80), nullable=False),
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('member_code', sa.String(length=20), nullable=True),
    sa.Column('issued_by', sa.String(length=40), nullable=False),
    sa.Column('event_id', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('coupon_id')
    )
    op.create_table('events',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('body_hash', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=40), nullable=False),
    sa.Column('terminal_id', sa.String(length=40), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('occurred_at', sa.String(length=40), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('event_id')
    )
    op.create_table('feed',
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('member_code', sa.String(length=20), nullable=True),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_table('feed_counter',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('floor_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('members',
    sa.Column('member_code', sa.String(length=20), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('consent_terms', sa.Boolean(), nullable=False),
    sa.Column('consent_marketing', sa.Boolean(), nullable=False),
    sa.Column('tier', sa.String(length=20), nullable=False),
    sa.Column('enrolled_at', sa.String(length=40), nullable=False),
    sa.Column('home_store', sa.String(length=40), nullable=False),
    sa.Column('referrer_code', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('merged_into', sa.String(length=20), nullable=True),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('flags', sa.String(length=200), nullable=False),
    sa.Column('first_sale_on', sa.Date(), nullable=True),
    sa.Column('bucket', sa.Integer(), nullable=False),
    sa.Column('reviewed_year', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('member_code'),
    postgresql_with={'fillfactor': 70},
    )
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_members_bucket'), ['bucket'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_merged_into'), ['merged_into'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_phone'), ['phone'], unique=False)

    op.create_table('online_orders',
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('body_hash', sa.String(length=64), nullable=False),
    sa.Column('member_code', sa.String(length=20), nullable=False),
    sa.Column('lines', sa.Text(), nullable=False),
    sa.Column('returned', sa.Text(), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('channel', 'order_id')
    )
    op.create_table('online_returns',
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('return_id', sa.String(length=64), nullable=False),
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('body_hash', sa.String(length=64), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('channel', 'return_id')
    )
    op.create_table('rejections',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=40), nullable=False),
    sa.Column('terminal_id', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('message', sa.String(length=300), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rejections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rejections_event_id'), ['event_id'], unique=False)

    op.create_table('rules',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('version')
    )
    op.create_table('stores',
    sa.Column('store_id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('store_id')
    )
    op.create_table('ledger',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('entry_id', sa.String(length=160), nullable=False),
    sa.Column('member_code', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('points', sa.BigInteger(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('event_id', sa.String(length=160), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('entry_id')
    )
    with op.batch_alter_table('ledger', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_member_order', ['member_code', 'id'], unique=False)

    op.create_table('spend',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('member_code', sa.String(length=20), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('cents', sa.BigInteger(), nullable=False),
    sa.Column('source', sa.String(length=160), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('spend', schema=None) as batch_op:
        batch_op.create_index('ix_spend_member_day', ['member_code', 'on_date'], unique=False)

    op.create_table('store_keys',
    sa.Column('key_id', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=40), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['stores.store_id'], ),
    sa.PrimaryKeyConstraint('key_id')
    )
    op.create_table('terminals',
    sa.Column('store_id', sa.String(length=40), nullable=False),
    sa.Column('terminal_id', sa.String(length=40), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['store_id'], ['stores.store_id'], ),
    sa.PrimaryKeyConstraint('store_id', 'terminal_id'),
    sa.UniqueConstraint('token_hash')
    )


def downgrade() -> None:
    op.drop_table('terminals')
    op.drop_table('store_keys')
    with op.batch_alter_table('spend', schema=None) as batch_op:
        batch_op.drop_index('ix_spend_member_day')

    op.drop_table('spend')
    with op.batch_alter_table('ledger', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_member_order')

    op.drop_table('ledger')
    op.drop_table('stores')
    op.drop_table('rules')
    with op.batch_alter_table('rejections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rejections_event_id'))

    op.drop_table('rejections')
    op.drop_table('online_returns')
    op.drop_table('online_orders')
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_members_phone'))
        batch_op.drop_index(batch_op.f('ix_members_merged_into'))
        batch_op.drop_index(batch_op.f('ix_members_bucket'))

    op.drop_table('members')
    op.drop_table('feed_counter')
    op.drop_table('feed')
    op.drop_table('events')
    op.drop_table('coupons')
    op.drop_table('coupon_uses')
    with op.batch_alter_table('coupon_conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupon_conflicts_coupon_id'))

    op.drop_table('coupon_conflicts')
    op.drop_table('channels')
