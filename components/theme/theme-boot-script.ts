// Runs before first paint so a dark-mode user never sees a white flash: the saved choice wins, else the
// system preference.
export const themeBootScript = `(() => {
  try {
    const saved = localStorage.getItem("costlens-theme");
    const dark = saved ? saved === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.classList.toggle("dark", dark);
  } catch {}
})();`;
