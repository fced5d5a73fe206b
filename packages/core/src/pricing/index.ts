export { PRICE_DATE, PRICE_TABLE, type ModelPrice } from "./price-table.ts";
export { findPrice, normalizeModelName } from "./find-price.ts";
export { computeCost } from "./compute-cost.ts";
