/* Passkeys in the admin's two-step sign-in: adding one (Account → Two-step sign-in) and using
   one as the second step of signing in. The server's side is django-otp-webauthn's ceremonies
   (masthead/users/twofactor/passkeys.py); this turns their JSON into the browser's WebAuthn
   calls and back. */
(function () {
  "use strict";

  function toBytes(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "===".slice((base64.length + 3) % 4);
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  }

  function toBase64url(buffer) {
    const bytes = new Uint8Array(buffer);
    let binary = "";
    bytes.forEach((b) => { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function csrfToken(root) {
    const field = root.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  async function post(url, root, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(root) },
      body: JSON.stringify(body || {}),
    });
    let data = {};
    try { data = await response.json(); } catch (error) { /* not JSON: a redirect or an error page */ }
    if (!response.ok) {
      throw new Error(data.detail || "The server could not take the passkey. Reload the page and try again.");
    }
    return data;
  }

  function explain(error) {
    if (error && error.name === "NotAllowedError") {
      return "The passkey was not used: the request was cancelled or timed out. Try again.";
    }
    if (error && error.name === "InvalidStateError") {
      return "This passkey is already added to your account.";
    }
    if (error && error.name === "SecurityError") {
      return "Passkeys need the site's name in the address bar, not a bare IP address.";
    }
    return (error && error.message) || "Something went wrong. Try again.";
  }

  function supported(status) {
    if (window.PublicKeyCredential && navigator.credentials) return true;
    status.textContent = "This browser cannot use passkeys.";
    return false;
  }

  function credentialJSON(credential, response) {
    return {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
      response: response,
    };
  }

  async function register(form) {
    const status = form.querySelector("[data-passkey-status]");
    const button = form.querySelector("button[type=submit]");
    const name = form.querySelector("input[name=name]").value.trim();
    if (!supported(status)) return;
    if (!name) {
      status.textContent = "Give the passkey a name first, such as the device it is on.";
      form.querySelector("input[name=name]").focus();
      return;
    }
    button.disabled = true;
    status.textContent = "Follow your browser's prompt to create the passkey…";
    try {
      const options = await post(form.dataset.beginUrl, form, { name: name });
      options.challenge = toBytes(options.challenge);
      options.user.id = toBytes(options.user.id);
      (options.excludeCredentials || []).forEach((c) => { c.id = toBytes(c.id); });
      const credential = await navigator.credentials.create({ publicKey: options });
      const reply = credential.response;
      await post(form.dataset.completeUrl, form, credentialJSON(credential, {
        clientDataJSON: toBase64url(reply.clientDataJSON),
        attestationObject: toBase64url(reply.attestationObject),
        transports: reply.getTransports ? reply.getTransports() : [],
      }));
      status.textContent = "Passkey added.";
      const firstCodes = document.getElementById("passkey-first-codes");
      if (firstCodes) {
        firstCodes.submit();
      } else {
        window.location.assign(form.dataset.doneUrl);
      }
    } catch (error) {
      status.textContent = explain(error);
      button.disabled = false;
    }
  }

  async function verify(box) {
    const status = box.querySelector("[data-passkey-status]");
    const button = box.querySelector("[data-passkey-button]");
    if (!supported(status)) return;
    button.disabled = true;
    status.textContent = "Follow your browser's prompt to use your passkey…";
    try {
      const options = await post(box.dataset.beginUrl, box);
      options.challenge = toBytes(options.challenge);
      (options.allowCredentials || []).forEach((c) => { c.id = toBytes(c.id); });
      const credential = await navigator.credentials.get({ publicKey: options });
      const reply = credential.response;
      const answer = {
        clientDataJSON: toBase64url(reply.clientDataJSON),
        authenticatorData: toBase64url(reply.authenticatorData),
        signature: toBase64url(reply.signature),
      };
      if (reply.userHandle) answer.userHandle = toBase64url(reply.userHandle);
      const result = await post(box.dataset.completeUrl, box, credentialJSON(credential, answer));
      status.textContent = "Confirmed. Signing you in…";
      window.location.assign(result.redirect_url);
    } catch (error) {
      status.textContent = explain(error);
      button.disabled = false;
    }
  }

  document.querySelectorAll("form[data-passkey-register]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      register(form);
    });
  });
  document.querySelectorAll("[data-passkey-verify]").forEach((box) => {
    box.querySelector("[data-passkey-button]").addEventListener("click", () => verify(box));
  });
})();
