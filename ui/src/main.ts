import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import { tauriBackend } from "./lib/api/client";

const target = document.getElementById("app");
if (!target) throw new Error("#app element is missing from index.html");

export default mount(App, { target, props: { backend: tauriBackend() } });
