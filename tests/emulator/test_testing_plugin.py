"""The pytest plugin ``wxkefu_ext.testing``, used the way the README tells users to use it.

It writes a user's ``conftest.py`` (``pytest_plugins = ["wxkefu_ext.testing"]``) and test modules
into a scratch directory and runs pytest on them in a subprocess (pytester; one run, because each
pays for importing the toolkit), so what is checked is the plugin as a user meets it: fixture
discovery, isolation between tests, the sync, async and served-over-HTTP clients, and a failing
assertion that really fails.
"""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

CONFTEST = 'pytest_plugins = ["wxkefu_ext.testing"]\n'


TEST_BOT = """
        from wxkefu_ext import messages

        def handle_pending(kf, kfid):      # "your code, unchanged"
            page = kf.request("POST", "/kf/sync_msg", json={"open_kfid": kfid, "limit": 100})
            for item in page["msg_list"]:
                if item.get("msgtype") == "text":
                    messages.send(kf, item["external_userid"], kfid, messages.text("收到"))

        def test_bot_replies(kf_emulator, kf_client):
            kfid = kf_emulator.create_account("客服")
            user, _ = kf_emulator.customer_enter_session(kfid)
            kf_emulator.customer_send(kfid, user, "你好")
            handle_pending(kf_client, kfid)
            sent = kf_emulator.delivered(kfid, touser=user)
            assert [d["payload"] for d in sent] == [{"content": "收到"}]
        """

TEST_ISOLATION = """
        def test_first(kf_emulator):
            kf_emulator.create_account("a")
            assert len(kf_emulator.state.accounts) == 1

        def test_second_starts_empty(kf_emulator, kf_client):
            assert kf_client.request("POST", "/kf/account/list", json={})["account_list"] == []

        def test_a_wrong_expectation_fails(kf_emulator):
            assert kf_emulator.delivered(), "nothing was sent"
        """

TEST_ASYNC = """
        import pytest
        from wxkefu_ext.client import KfClient

        @pytest.fixture
        def anyio_backend():
            return "asyncio"

        @pytest.mark.anyio
        async def test_async(kf_emulator, async_kf_client):
            kfid = kf_emulator.create_account("x")
            reply = await async_kf_client.request("POST", "/kf/account/list", json={})
            assert [a["open_kfid"] for a in reply["account_list"]] == [kfid]

        def test_served(kf_emulator, kf_emulator_url):
            assert kf_emulator_url.startswith("http://127.0.0.1:")
            with KfClient(kf_emulator.corp_id, kf_emulator.corp_secret,
                          base_url=kf_emulator_url) as kf:
                assert kf.access_token()
            assert kf_emulator.stats.gettoken_calls == 1
        """


def test_the_plugin_as_a_user_runs_it(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_bot=TEST_BOT, test_isolation=TEST_ISOLATION, test_async=TEST_ASYNC)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rA")
    # test_bot: the README example; test_isolation: fresh emulator per test, and a wrong
    # expectation fails; test_async: async_kf_client and kf_emulator_url
    result.assert_outcomes(passed=5, failed=1)
    result.stdout.fnmatch_lines(["*FAILED test_isolation.py::test_a_wrong_expectation_fails*"])
    result.stdout.fnmatch_lines(["*nothing was sent*"])
