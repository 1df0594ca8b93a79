from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChannelsShopOrder")


@_attrs_define
class ChannelsShopOrder:
    """Payload of a pulled `channels_shop_order` message (视频号订单)."""

    order_id: str | Unset = UNSET
    """ Order id (订单号). """
    product_titles: str | Unset = UNSET
    """ Product titles of the order (商品标题). """
    price_wording: str | Unset = UNSET
    """ Formatted price (订单价格描述). """
    state: str | Unset = UNSET
    """ Order state text (订单状态). """
    image_url: str | Unset = UNSET
    """ Product picture URL (订单缩略图). """
    shop_nickname: str | Unset = UNSET
    """ Shop name (店铺名称). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_id = self.order_id

        product_titles = self.product_titles

        price_wording = self.price_wording

        state = self.state

        image_url = self.image_url

        shop_nickname = self.shop_nickname

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if order_id is not UNSET:
            field_dict["order_id"] = order_id
        if product_titles is not UNSET:
            field_dict["product_titles"] = product_titles
        if price_wording is not UNSET:
            field_dict["price_wording"] = price_wording
        if state is not UNSET:
            field_dict["state"] = state
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if shop_nickname is not UNSET:
            field_dict["shop_nickname"] = shop_nickname

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        order_id = d.pop("order_id", UNSET)

        product_titles = d.pop("product_titles", UNSET)

        price_wording = d.pop("price_wording", UNSET)

        state = d.pop("state", UNSET)

        image_url = d.pop("image_url", UNSET)

        shop_nickname = d.pop("shop_nickname", UNSET)

        channels_shop_order = cls(
            order_id=order_id,
            product_titles=product_titles,
            price_wording=price_wording,
            state=state,
            image_url=image_url,
            shop_nickname=shop_nickname,
        )

        channels_shop_order.additional_properties = d
        return channels_shop_order

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
