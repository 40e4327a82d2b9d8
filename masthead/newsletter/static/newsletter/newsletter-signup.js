// The sign-up forms in cached pages carry no time stamp: when a reader starts filling one in,
// fetch a fresh one, so the "faster than a person types" trap measures this reader's typing.
// Without this script the server asks for one more press on a page with a fresh stamp.
document.querySelectorAll("form.newsletter-signup[data-stamp-url]").forEach((form) => {
  const fetchStamp = () => {
    fetch(form.dataset.stampUrl, { credentials: "omit", cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => {
        if (data && data.stamp) form.elements.shown.value = data.stamp;
      })
      .catch(() => {});
  };
  form.addEventListener("focusin", fetchStamp, { once: true });
});
