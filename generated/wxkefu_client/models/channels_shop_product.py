from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChannelsShopProduct")


@_attrs_define
class ChannelsShopProduct:
    """Payload of a pulled `channels_shop_product` message (视频号商品).
    Conflict: the picture fields are spelled `head_img` / `shop_head_img` by some sources and
    `head_image` / `shop_head_image` by others; both spellings are accepted. `sales_price` is
    a string in most sources and a number in one sample: both are accepted.

    """

    product_id: str | Unset = UNSET
    """ Product id (商品ID). """
    head_img: str | Unset = UNSET
    """ Product picture URL (商品图片). """
    head_image: str | Unset = UNSET
    """ Product picture URL, alternative spelling of `head_img`. """
    title: str | Unset = UNSET
    """ Product title (商品标题). """
    sales_price: int | str | Unset = UNSET
    """ Price in fen (商品价格，以分为单位); a string, or an integer in some replies. """
    shop_nickname: str | Unset = UNSET
    """ Shop name (店铺名称). """
    shop_head_img: str | Unset = UNSET
    """ Shop avatar URL (店铺头像). """
    shop_head_image: str | Unset = UNSET
    """ Shop avatar URL, alternative spelling of `shop_head_img`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product_id = self.product_id

        head_img = self.head_img

        head_image = self.head_image

        title = self.title

        sales_price: int | str | Unset
        if isinstance(self.sales_price, Unset):
            sales_price = UNSET
        else:
            sales_price = self.sales_price

        shop_nickname = self.shop_nickname

        shop_head_img = self.shop_head_img

        shop_head_image = self.shop_head_image

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if head_img is not UNSET:
            field_dict["head_img"] = head_img
        if head_image is not UNSET:
            field_dict["head_image"] = head_image
        if title is not UNSET:
            field_dict["title"] = title
        if sales_price is not UNSET:
            field_dict["sales_price"] = sales_price
        if shop_nickname is not UNSET:
            field_dict["shop_nickname"] = shop_nickname
        if shop_head_img is not UNSET:
            field_dict["shop_head_img"] = shop_head_img
        if shop_head_image is not UNSET:
            field_dict["shop_head_image"] = shop_head_image

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        product_id = d.pop("product_id", UNSET)

        head_img = d.pop("head_img", UNSET)

        head_image = d.pop("head_image", UNSET)

        title = d.pop("title", UNSET)

        def _parse_sales_price(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        sales_price = _parse_sales_price(d.pop("sales_price", UNSET))

        shop_nickname = d.pop("shop_nickname", UNSET)

        shop_head_img = d.pop("shop_head_img", UNSET)

        shop_head_image = d.pop("shop_head_image", UNSET)

        channels_shop_product = cls(
            product_id=product_id,
            head_img=head_img,
            head_image=head_image,
            title=title,
            sales_price=sales_price,
            shop_nickname=shop_nickname,
            shop_head_img=shop_head_img,
            shop_head_image=shop_head_image,
        )

        channels_shop_product.additional_properties = d
        return channels_shop_product

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
