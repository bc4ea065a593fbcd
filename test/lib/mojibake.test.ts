import { describe, expect, it } from "vitest";
import { findMojibake, repairMojibake, repairRun, showText } from "../../dist/lib/rules/SC015-mojibake.js";

/** What a UTF-8 → Windows-1252 accident makes of a text (the bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D keep their C1 code point). */
function garble(text: string): string {
  const cp1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
  return [...new TextEncoder().encode(text)].map((b) => (b >= 0x80 && b <= 0x9f ? cp1252[b - 0x80] : String.fromCharCode(b))).join("");
}

describe("findMojibake", () => {
  it("finds the seed 003 run and the intended text", () => {
    expect(findMojibake("## Phase 1: Planning & Research âœ“")).toEqual([
      { index: 32, text: "âœ“", intended: "✓", encoding: "Windows-1252" },
    ]);
  });

  it("undoes the accident for every kind of character", () => {
    for (const text of ["’", "“quoted”", "é", "→", "✓", "✅", "🚀", "привет", "Zażółć gęślą jaźń", "日本語", "µs", "€5", "\u00a0", "½", "™"]) {
      const garbled = garble(text);
      expect(repairMojibake(`x ${garbled} y`), text).toBe(`x ${text} y`);
    }
  });

  it("merges adjacent sequences into one run", () => {
    expect(findMojibake("Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€").map((m) => [m.text, m.intended])).toEqual([
      ["Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет"],
      ["Ð¼Ð¸Ñ€", "мир"],
    ]);
  });

  it("needs strong evidence: a lone two-byte sequence from a common capital letter is left alone", () => {
    // "ß“" would decode to U+07D3 (NKo), "Ü–" and "É…" to letters too: too easily real text.
    expect(findMojibake("„Straße“ Ü–x É…")).toEqual([]);
    // Two such sequences side by side, or an Â/Ã lead, are evidence enough.
    expect(findMojibake("Î¼Ïƒ")[0]?.intended).toBe("μσ");
    expect(findMojibake("Ã©")[0]?.intended).toBe("é");
    // Another sequence in the same word, or evidence anywhere in the text, makes a lone one count.
    expect(findMojibake("gÄ™Å›lÄ…").map((m) => m.intended)).toEqual(["ęś", "ą"]);
    expect(findMojibake("ZaÅ¼ isnâ€™t").map((m) => m.intended)).toEqual(["ż", "’"]);
    expect(findMojibake("ZaÅ¼ isn't")).toEqual([]);
  });

  it("leaves real text alone", () => {
    for (const text of ["naïve café résumé", "voilà…", "Fiancé’s", "Œuvre—", "SÃO PAULO", "« à bientôt »", "Ä Ö Ü ä ö ü ß", "10 °C ± 2", "©®™", "Â", "Ã alone", "ã–"]) {
      expect(findMojibake(text), text).toEqual([]);
    }
  });

  it("rejects sequences that are not well-formed UTF-8 or decode to controls", () => {
    expect(findMojibake("Ã€")[0]?.intended).toBe("À");
    expect(findMojibake("Â€")).toEqual([]); // C2 80 is U+0080, a control
    expect(findMojibake("À€")).toEqual([]); // C0 is never a lead (overlong)
    expect(findMojibake("í €")).toEqual([]); // ED A0 80 would be a surrogate
  });

  it("names Latin-1 when a C1 control character is in the run", () => {
    expect(findMojibake("Ã\u0081")).toEqual([{ index: 0, text: "Ã\u0081", intended: "Á", encoding: "Latin-1" }]);
  });

  it("reports a quote that lost its last byte, without a repair", () => {
    expect(findMojibake("said â€ and")).toEqual([{ index: 5, text: "â€", intended: undefined, likely: "”", encoding: "Windows-1252" }]);
    expect(findMojibake("end â€")).toHaveLength(1);
    expect(repairMojibake("said â€ and")).toBe("said â€ and");
  });
});

describe("repairRun", () => {
  it("undoes double garbling, so one fix leaves nothing to fix", () => {
    expect(repairRun(garble(garble("’")))).toBe("’");
    expect(repairRun(garble(garble(garble("✓"))))).toBe("✓");
  });

  it("drops a byte-order mark", () => {
    expect(repairRun("ï»¿")).toBe("");
  });
});

describe("showText", () => {
  it("quotes and shows invisible characters as code points", () => {
    expect(showText("a\u00a0b")).toBe('"a<U+00A0>b"');
    expect(showText("Ã\u0081")).toBe('"Ã<U+0081>"');
    expect(showText("a b ✓")).toBe('"a b ✓"');
  });
});
