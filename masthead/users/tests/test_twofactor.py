"""Two-step sign-in for the admin, through real requests: enrolment, the second step after the
password, throttling, recovery codes, the administrators' policy, removing a method, the audit
trail."""

import json
import re
import time
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import registry as log_registry

from masthead.siteconfig.models import SignInPolicy
from masthead.users.roles import CONTRIBUTOR, EDITOR
from masthead.users.tests.factories import staff
from masthead.users.twofactor import devices, policy

PASSWORD = "correct horse battery staple"
ADMIN = "/admin/"
VERIFY = "/admin/two-step/verify/"
OVERVIEW = "/admin/two-step/"
SETUP_APP = "/admin/two-step/app/"
REMOVE_APP = "/admin/two-step/app/remove/"
RECOVERY = "/admin/two-step/recovery-codes/"
# No wait between wrong codes from django-otp's own per-device slowing down, so a test can
# reach the account's limit at once; a test below shows that slowing down on its own.
NO_DEVICE_WAIT = override_settings(OTP_TOTP_THROTTLE_FACTOR=0, OTP_STATIC_THROTTLE_FACTOR=0)


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the person's app shows now (or `steps_ahead` periods of 30 s from now)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    """Six digits that none of the codes the server accepts now (±1 period) match."""
    accepted = {code_for(device, steps_ahead=n) for n in (-1, 0, 1)}
    return next(c for c in (f"{n:06d}" for n in range(1000, 1010)) if c not in accepted)


def with_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name=devices.APP_NAME, confirmed=True)


def actions_on(user) -> list[tuple[str, str]]:
    """(action, method) of the audit trail's entries on the account, oldest first."""
    entries = log_registry.get_logs_for_instance(user).order_by("timestamp", "pk")
    return [
        (e.action, e.data.get("method")) for e in entries if e.action.startswith("masthead.2fa")
    ]


class TwoStepTestCase(TestCase):
    def setUp(self):
        cache.clear()  # the wrong-code counts live in the cache, which outlives a test

    def sign_in(self, user, password=PASSWORD):
        """Wagtail's password sign-in form, as a person fills it in."""
        response = self.client.post(
            "/admin/login/", {"username": user.username, "password": password, "next": ADMIN}
        )
        self.assertEqual(response.status_code, 302, "the password sign-in failed")
        return response

    def assertAsksForSecondStep(self, path=ADMIN):
        response = self.client.get(path)
        self.assertRedirects(
            response, f"{VERIFY}?next={path.replace('/', '%2F')}", fetch_redirect_response=False
        )

    def assertInAdmin(self):
        response = self.client.get(ADMIN)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Dashboard")


class EnrolmentTests(TwoStepTestCase):
    def setUp(self):
        super().setUp()
        self.user = staff(EDITOR, "ines")
        self.sign_in(self.user)

    @NO_DEVICE_WAIT
    def test_the_app_is_turned_on_only_by_a_code_from_it_then_ten_recovery_codes_show(self):
        page = self.client.get(SETUP_APP)
        self.assertContains(page, "<svg", msg_prefix="the QR code")
        device = TOTPDevice.objects.get(user=self.user, confirmed=False)
        self.assertContains(page, devices.secret_of(device))
        self.assertIn("otpauth://totp/", devices.authenticator_url(device, issuer="Meridian"))

        wrong = self.client.post(SETUP_APP, {"code": wrong_code(device)})
        self.assertContains(wrong, "That code is not right")
        self.assertContains(wrong, devices.secret_of(device), msg_prefix="same secret again")
        self.assertFalse(devices.has_second_step(self.user))
        self.assertInAdmin()  # nothing changed: no second step owed

        done = self.client.post(SETUP_APP, {"code": code_for(device)})
        self.assertContains(done, "Authenticator app added.")
        codes = re.findall(r"<li>([a-z2-7]{4}-[a-z2-7]{4})</li>", done.content.decode())
        self.assertEqual(len(set(codes)), 10)
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        self.assertEqual(StaticToken.objects.filter(device__user=self.user).count(), 10)
        self.assertInAdmin()  # this session passed the step by setting it up
        self.assertEqual(
            actions_on(self.user),
            [("masthead.2fa.added", "totp"), ("masthead.2fa.added", "recovery")],
        )
        # The secret is shown once: the page now says the app is set up, not its key.
        again = self.client.get(SETUP_APP, follow=True)
        self.assertContains(again, "already set up")
        self.assertNotContains(again, devices.secret_of(device))

    @NO_DEVICE_WAIT
    def test_new_recovery_codes_replace_the_old_ones(self):
        with_app(self.user)
        self.client.logout()
        self.sign_in(self.user)
        self.client.post(VERIFY, {"code": code_for(TOTPDevice.objects.get(user=self.user))})
        first = devices.make_recovery_codes(user=self.user)
        page = self.client.post(RECOVERY)
        second = re.findall(r"<li>([a-z2-7]{4}-[a-z2-7]{4})</li>", page.content.decode())
        self.assertEqual(len(second), 10)
        self.assertFalse(set(first) & set(second))
        self.assertFalse(devices.check_code(user=self.user, code=first[0]).device)
        self.assertTrue(devices.check_code(user=self.user, code=second[0]).device)

    def test_the_account_page_links_to_two_step_sign_in(self):
        page = self.client.get("/admin/account/")
        self.assertContains(page, 'href="/admin/two-step/"')
        self.assertContains(page, "Two-step sign-in")
        overview = self.client.get(OVERVIEW)
        self.assertContains(overview, "Two-step sign-in is <strong>off</strong>")
        self.assertContains(overview, "Set up an authenticator app")
        self.assertContains(overview, "Add a passkey")


class SecondStepTests(TwoStepTestCase):
    def setUp(self):
        super().setUp()
        self.user = staff(EDITOR, "ines")
        self.app = with_app(self.user)
        self.codes = devices.make_recovery_codes(user=self.user)

    def test_the_password_alone_reaches_no_admin_page(self):
        self.sign_in(self.user)
        self.assertAsksForSecondStep(ADMIN)
        self.assertAsksForSecondStep("/admin/pages/")
        self.assertEqual(self.client.get("/admin/account/").status_code, 302)
        # Nor can the unverified session add a method of its own to get round it.
        self.assertEqual(self.client.get(SETUP_APP).status_code, 302)
        self.assertEqual(self.client.post(RECOVERY).status_code, 302)
        self.assertEqual(StaticToken.objects.filter(device__user=self.user).count(), 10)
        page = self.client.get(VERIFY + "?next=/admin/pages/")
        self.assertContains(page, "Confirm it is you")
        self.assertContains(page, 'autocomplete="one-time-code"')

    def test_a_code_from_the_app_lets_them_in_and_back_where_they_were_going(self):
        self.sign_in(self.user)
        response = self.client.post(VERIFY, {"code": code_for(self.app), "next": "/admin/pages/"})
        self.assertRedirects(response, "/admin/pages/", fetch_redirect_response=False)
        self.assertInAdmin()
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)
        # The same code is not taken twice.
        self.client.logout()
        self.sign_in(self.user)
        again = self.client.post(VERIFY, {"code": code_for(self.app)})
        self.assertContains(again, "That code is not right")

    def test_next_never_leaves_the_site(self):
        self.sign_in(self.user)
        response = self.client.post(
            VERIFY, {"code": code_for(self.app), "next": "https://evil.example/admin/"}
        )
        self.assertRedirects(response, ADMIN, fetch_redirect_response=False)

    @NO_DEVICE_WAIT
    def test_wrong_codes_do_not_let_them_in_and_lock_the_step_for_a_while(self):
        self.sign_in(self.user)
        for left in (4, 3, 2, 1):
            page = self.client.post(VERIFY, {"code": wrong_code(self.app)})
            self.assertContains(page, "That code is not right")
            self.assertContains(page, f"{left} more wrong code")
            self.assertAsksForSecondStep()
        locked = self.client.post(VERIFY, {"code": "aaaa-bbbb"})
        self.assertEqual(locked.status_code, 429)
        self.assertContains(locked, "second step is locked for 15 more minutes", status_code=429)
        # Locked: a right code is refused too, and signing in again does not start over.
        self.assertEqual(self.client.post(VERIFY, {"code": code_for(self.app)}).status_code, 429)
        self.client.logout()
        self.sign_in(self.user)
        self.assertEqual(self.client.post(VERIFY, {"code": self.codes[0]}).status_code, 429)
        self.assertAsksForSecondStep()
        self.assertEqual(
            actions_on(self.user)[-5:],
            [("masthead.2fa.failed", "totp")] * 4 + [("masthead.2fa.failed", "recovery")],
        )

    @NO_DEVICE_WAIT
    def test_a_right_code_forgives_the_wrong_ones_before_it(self):
        self.sign_in(self.user)
        for _ in range(4):
            self.client.post(VERIFY, {"code": wrong_code(self.app)})
        self.client.post(VERIFY, {"code": code_for(self.app)})
        self.assertInAdmin()
        self.client.logout()
        self.sign_in(self.user)
        page = self.client.post(VERIFY, {"code": wrong_code(self.app)})
        self.assertContains(page, "4 more wrong codes")

    @override_settings(TWO_STEP_FAILURE_LIMIT=2)
    def test_the_limit_is_the_settings_and_counts_in_the_shared_cache(self):
        self.sign_in(self.user)
        with NO_DEVICE_WAIT:
            self.client.post(VERIFY, {"code": wrong_code(self.app)})
            self.assertEqual(cache.get(f"masthead:two-step:failures:{self.user.pk}"), 1)
            self.assertEqual(
                self.client.post(VERIFY, {"code": wrong_code(self.app)}).status_code, 429
            )

    def test_django_otp_slows_a_device_down_after_a_wrong_code(self):
        self.sign_in(self.user)
        self.client.post(VERIFY, {"code": wrong_code(self.app)})
        page = self.client.post(VERIFY, {"code": code_for(self.app)})
        self.assertContains(page, "then try again")
        self.assertAsksForSecondStep()

    def test_a_recovery_code_works_once(self):
        self.sign_in(self.user)
        response = self.client.post(VERIFY, {"code": self.codes[0].upper()}, follow=True)
        self.assertContains(response, "You signed in with a recovery code")
        self.assertContains(response, "9 left")
        self.assertInAdmin()
        self.client.logout()
        self.sign_in(self.user)
        again = self.client.post(VERIFY, {"code": self.codes[0]})
        self.assertContains(again, "That code is not right")
        self.assertAsksForSecondStep()
        self.assertIn(("masthead.2fa.recovery_used", "recovery"), actions_on(self.user))
        self.assertEqual(actions_on(self.user)[-1], ("masthead.2fa.failed", "recovery"))

    def test_an_operators_one_time_code_lets_in_someone_who_lost_everything(self):
        StaticToken.objects.filter(device__user=self.user).delete()  # every code used up
        out = StringIO()
        call_command("addstatictoken", self.user.username, stdout=out)
        self.sign_in(self.user)
        self.client.post(VERIFY, {"code": out.getvalue().strip()})
        self.assertInAdmin()

    def test_spent_recovery_codes_alone_ask_for_nothing(self):
        TOTPDevice.objects.filter(user=self.user).delete()
        StaticToken.objects.filter(device__user=self.user).delete()
        self.sign_in(self.user)
        self.assertInAdmin()

    def test_signing_out_from_the_second_step(self):
        self.sign_in(self.user)
        self.client.post("/admin/logout/")
        response = self.client.get(ADMIN)
        self.assertRedirects(response, "/admin/login/?next=/admin/", fetch_redirect_response=False)


class PasskeyEndpointTests(TwoStepTestCase):
    """The ceremonies themselves run in Chromium (e2e/test_twofactor.py); here, what the server
    refuses."""

    def setUp(self):
        super().setUp()
        self.user = staff(EDITOR, "ines")

    def post_json(self, url, body):
        return self.client.post(url, json.dumps(body), content_type="application/json")

    def test_a_passkey_needs_a_name(self):
        self.sign_in(self.user)
        response = self.post_json("/admin/two-step/passkeys/add/begin/", {"name": "  "})
        self.assertEqual(response.status_code, 400)
        self.assertIn("name", response.json()["detail"])
        begun = self.post_json("/admin/two-step/passkeys/add/begin/", {"name": "Work laptop"})
        self.assertEqual(begun.status_code, 200)
        options = begun.json()
        self.assertEqual(options["rp"]["id"], "testserver")
        self.assertEqual(options["user"]["name"], "ines")

    def test_a_wrong_passkey_answer_counts_as_a_failed_second_step(self):
        with_app(self.user)
        self.sign_in(self.user)
        begun = self.post_json("/admin/two-step/passkeys/verify/begin/", {})
        self.assertEqual(begun.status_code, 200)
        forged = {
            "id": "AAAA",
            "rawId": "AAAA",
            "type": "public-key",
            "response": {"clientDataJSON": "e30", "authenticatorData": "AA", "signature": "AA"},
        }
        with self.assertLogs("masthead.users.twofactor.passkeys", "ERROR"):
            answer = self.post_json("/admin/two-step/passkeys/verify/complete/", forged)
        self.assertEqual(answer.status_code, 404)  # no such passkey
        self.assertEqual(actions_on(self.user), [("masthead.2fa.failed", "passkey")])
        self.assertAsksForSecondStep()


class PolicyTests(TwoStepTestCase):
    def setUp(self):
        super().setUp()
        self.contributor = staff(CONTRIBUTOR, "carla")
        self.editor = staff(EDITOR, "ines")
        self.policy = SignInPolicy.load()

    def test_no_policy_asks_nothing_of_anyone(self):
        self.sign_in(self.contributor)
        self.assertInAdmin()

    def test_a_covered_role_is_sent_to_set_it_up_and_others_are_not(self):
        self.policy.required_groups.set([Group.objects.get(name=CONTRIBUTOR.name)])
        self.sign_in(self.editor)
        self.assertInAdmin()
        self.client.logout()

        self.sign_in(self.contributor)
        for path in (ADMIN, "/admin/pages/", "/admin/images/"):
            response = self.client.get(path)
            self.assertRedirects(
                response,
                f"{OVERVIEW}?next={path.replace('/', '%2F')}",
                fetch_redirect_response=False,
            )
        page = self.client.get(OVERVIEW + "?next=/admin/pages/")
        self.assertContains(page, "Your administrators require two-step sign-in")
        self.client.get(SETUP_APP + "?next=/admin/pages/")
        device = TOTPDevice.objects.get(user=self.contributor, confirmed=False)
        done = self.client.post(SETUP_APP, {"code": code_for(device), "next": "/admin/pages/"})
        self.assertContains(done, 'href="/admin/pages/"')  # "I have saved my codes" goes on
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)

    def test_every_staff_account_when_asked_but_not_a_non_staff_account(self):
        self.policy.require_for_all_staff = True
        self.policy.save()
        self.sign_in(self.editor)
        self.assertRedirects(
            self.client.get(ADMIN), f"{OVERVIEW}?next=%2Fadmin%2F", fetch_redirect_response=False
        )
        reader = get_user_model().objects.create_user("reader", "r@example.com", PASSWORD)
        self.assertFalse(policy.is_required(reader))
        self.assertTrue(policy.is_required(self.editor))

    def test_only_administrators_may_change_the_policy(self):
        url = f"/admin/settings/siteconfig/signinpolicy/{self.policy.pk}/"
        self.sign_in(self.editor)
        refused = self.client.get(url, follow=True)
        self.assertContains(refused, "Sorry, you do not have permission")
        self.client.logout()
        admin = staff(CONTRIBUTOR, "ada")
        admin.groups.set([Group.objects.get(name="Administrator")])
        self.sign_in(admin)
        page = self.client.get(url)
        self.assertContains(page, "Require two-step sign-in for every staff account")
        self.assertContains(page, CONTRIBUTOR.name)

    def test_a_covered_account_cannot_remove_its_last_method(self):
        self.policy.required_groups.set([Group.objects.get(name=CONTRIBUTOR.name)])
        app = with_app(self.contributor)
        self.sign_in(self.contributor)
        self.client.post(VERIFY, {"code": code_for(app)})
        response = self.client.post(REMOVE_APP, {"answer": PASSWORD}, follow=True)
        self.assertContains(response, "cannot be removed until you have set up another method")
        self.assertTrue(TOTPDevice.objects.filter(user=self.contributor).exists())


class RemovalTests(TwoStepTestCase):
    def setUp(self):
        super().setUp()
        self.user = staff(EDITOR, "ines")
        self.app = with_app(self.user)
        devices.make_recovery_codes(user=self.user)
        self.sign_in(self.user)
        self.client.post(VERIFY, {"code": code_for(self.app)})
        self.assertInAdmin()

    def test_removing_the_app_asks_for_the_password_or_a_current_code(self):
        page = self.client.get(REMOVE_APP)
        self.assertContains(page, "Your password or a current code")
        refused = self.client.post(REMOVE_APP, {"answer": "not my password"})
        self.assertContains(refused, "neither your password nor a current code")
        self.assertTrue(TOTPDevice.objects.filter(user=self.user).exists())

        done = self.client.post(
            REMOVE_APP, {"answer": code_for(self.app, steps_ahead=1)}, follow=True
        )
        self.assertContains(done, "Removed your authenticator app.")
        self.assertContains(done, "Two-step sign-in is <strong>off</strong>")
        self.assertFalse(TOTPDevice.objects.filter(user=self.user).exists())
        self.assertFalse(StaticDevice.objects.filter(user=self.user).exists())
        self.assertEqual(
            actions_on(self.user)[-2:],
            [("masthead.2fa.removed", "totp"), ("masthead.2fa.removed", "recovery")],
        )
        self.client.logout()
        self.sign_in(self.user)
        self.assertInAdmin()  # nothing is owed any more

    def test_the_password_does_as_well_and_the_session_stays_signed_in(self):
        passkey = devices.passkey_model().objects.create(
            user=self.user, name="Phone", credential_id=b"\x05" * 16, public_key=b"\x06" * 16
        )
        self.client.post(REMOVE_APP, {"answer": PASSWORD})
        self.assertFalse(TOTPDevice.objects.filter(user=self.user).exists())
        # The session passed its step with the app just removed; the passkey left keeps it so.
        self.assertInAdmin()
        self.assertTrue(StaticDevice.objects.filter(user=self.user).exists())
        self.assertTrue(devices.passkey_model().objects.filter(pk=passkey.pk).exists())

    def test_removing_a_passkey_leaves_the_app(self):
        passkey = devices.passkey_model().objects.create(
            user=self.user,
            name="Work laptop",
            credential_id=b"\x01" * 16,
            public_key=b"\x02" * 16,
            sign_count=0,
        )
        overview = self.client.get(OVERVIEW)
        self.assertContains(overview, "Work laptop")
        url = f"/admin/two-step/passkeys/{passkey.pk}/remove/"
        self.client.post(url, {"answer": "wrong"})
        self.assertTrue(devices.passkey_model().objects.filter(pk=passkey.pk).exists())
        self.client.post(url, {"answer": PASSWORD})
        self.assertFalse(devices.passkey_model().objects.filter(pk=passkey.pk).exists())
        self.assertTrue(TOTPDevice.objects.filter(user=self.user).exists())
        self.assertTrue(StaticDevice.objects.filter(user=self.user).exists())
        self.assertEqual(actions_on(self.user)[-1], ("masthead.2fa.removed", "passkey"))

    def test_no_one_removes_another_persons_passkey(self):
        stranger = staff(EDITOR, "someone")
        theirs = devices.passkey_model().objects.create(
            user=stranger, name="Theirs", credential_id=b"\x03" * 16, public_key=b"\x04" * 16
        )
        response = self.client.post(
            f"/admin/two-step/passkeys/{theirs.pk}/remove/", {"answer": PASSWORD}
        )
        self.assertEqual(response.status_code, 404)
        self.assertTrue(devices.passkey_model().objects.filter(pk=theirs.pk).exists())


class AuditTrailTests(TestCase):
    def test_each_action_is_registered_and_logged_on_the_account(self):
        from masthead.users.twofactor import audit

        user = staff(EDITOR, "ines")
        for action in audit.LABELS:
            self.assertTrue(log_registry.action_exists(action))
            audit.record(user, action, by=user, method=audit.TOTP)
        entries = log_registry.get_logs_for_instance(user).filter(action__startswith="masthead.2fa")
        self.assertEqual({e.action for e in entries}, set(audit.LABELS))
        self.assertTrue(all(e.user_id == user.pk for e in entries))
