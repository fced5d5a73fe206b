import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// jsdom does no layout, so every box measures 0×0 and the virtualized list
// would render no rows. Give elements the size of a typical docked panel.
const panelBox = { width: 900, height: 320 };
Object.defineProperty(HTMLElement.prototype, "offsetHeight", { configurable: true, get: () => panelBox.height });
Object.defineProperty(HTMLElement.prototype, "offsetWidth", { configurable: true, get: () => panelBox.width });
Object.defineProperty(Element.prototype, "clientHeight", { configurable: true, get: () => panelBox.height });
Object.defineProperty(Element.prototype, "clientWidth", { configurable: true, get: () => panelBox.width });
HTMLElement.prototype.getBoundingClientRect = function () {
  return { x: 0, y: 0, top: 0, left: 0, right: panelBox.width, bottom: panelBox.height, ...panelBox, toJSON() {} } as DOMRect;
};

afterEach(() => {
  cleanup();
  localStorage.clear();
});
