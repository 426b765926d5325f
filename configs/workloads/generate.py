#!/usr/bin/env python3
"""Writes the built-in load-test corpora: {english,chinese,multilingual}-{short,medium,long}.txt.

The sentences are assembled from small word lists written for this project (no copied text), with a
fixed seed, so the files are reproducible: `python3 configs/workloads/generate.py`. One text per line.
Approximate lengths (one token per 4 ASCII characters, one per other code point): short 10-40 tokens,
medium 100-250, long 500-900.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

LANGS = {
    "en": {
        "templates": ["{s} {v} {o} {t}.", "{t}, {s} {v} {o}.", "Why does {s} {v0} {o} {t}?"],
        "s": ["the warehouse team", "our search service", "a small bakery", "the city library", "every new customer",
              "the night shift", "a volunteer group", "the mobile app", "the billing system", "my neighbour"],
        "v": ["reviews", "repairs", "translates", "indexes", "delivers", "measures", "schedules", "compares"],
        "v0": ["review", "repair", "translate", "index", "deliver", "measure", "schedule", "compare"],
        "o": ["the quarterly invoices", "forty boxes of apples", "the product manuals", "a list of open tickets",
              "the weather reports", "old train timetables", "the support questions", "fresh bread and coffee"],
        "t": ["before noon", "every Tuesday", "after the storm", "during the holidays", "within two hours",
              "late at night", "at the end of each month", "while the servers restart"],
    },
    "zh": {
        "templates": ["{s}{t}{v}{o}。", "{t}，{s}{v}{o}。", "为什么{s}{t}要{v}{o}？"],
        "s": ["仓库团队", "我们的搜索服务", "一家小面包店", "城市图书馆", "每位新客户", "夜班同事", "志愿者小组",
              "手机应用", "计费系统", "我的邻居"],
        "v": ["检查", "修理", "翻译", "整理", "配送", "测量", "安排", "比较"],
        "o": ["季度发票", "四十箱苹果", "产品说明书", "未处理的工单", "天气预报", "旧的列车时刻表", "客户的问题",
              "新鲜的面包和咖啡"],
        "t": ["中午之前", "每个星期二", "暴风雨过后", "节假日期间", "两个小时之内", "深夜", "每个月底", "服务器重启的时候"],
    },
    "es": {
        "templates": ["{s} {v} {o} {t}.", "{t}, {s} {v} {o}."],
        "s": ["el equipo del almacén", "nuestro servicio de búsqueda", "una pequeña panadería", "la biblioteca municipal",
              "cada cliente nuevo", "el turno de noche"],
        "v": ["revisa", "repara", "traduce", "ordena", "entrega", "compara"],
        "o": ["las facturas del trimestre", "cuarenta cajas de manzanas", "los manuales del producto",
              "las preguntas de soporte", "los horarios de trenes antiguos"],
        "t": ["antes del mediodía", "cada martes", "después de la tormenta", "durante las vacaciones", "a final de mes"],
    },
    "fr": {
        "templates": ["{s} {v} {o} {t}.", "{t}, {s} {v} {o}."],
        "s": ["l'équipe de l'entrepôt", "notre service de recherche", "une petite boulangerie", "la bibliothèque municipale",
              "chaque nouveau client", "l'équipe de nuit"],
        "v": ["vérifie", "répare", "traduit", "range", "livre", "compare"],
        "o": ["les factures du trimestre", "quarante caisses de pommes", "les manuels du produit",
              "les questions du support", "les anciens horaires de train"],
        "t": ["avant midi", "chaque mardi", "après la tempête", "pendant les vacances", "à la fin du mois"],
    },
    "de": {
        "templates": ["{s} {v} {o} {t}.", "{t} {v} {s} {o}."],
        "s": ["das Lagerteam", "unser Suchdienst", "eine kleine Bäckerei", "die Stadtbibliothek", "jeder neue Kunde",
              "die Nachtschicht"],
        "v": ["prüft", "repariert", "übersetzt", "sortiert", "liefert", "vergleicht"],
        "o": ["die Quartalsrechnungen", "vierzig Kisten Äpfel", "die Produkthandbücher", "die Supportfragen",
              "alte Fahrpläne"],
        "t": ["vor Mittag", "jeden Dienstag", "nach dem Sturm", "in den Ferien", "am Monatsende"],
    },
    "ja": {
        "templates": ["{s}は{t}{o}を{v}。", "{t}、{s}が{o}を{v}。"],
        "s": ["倉庫のチーム", "私たちの検索サービス", "小さなパン屋", "市立図書館", "新しいお客様", "夜勤のスタッフ"],
        "v": ["確認します", "修理します", "翻訳します", "整理します", "届けます", "比較します"],
        "o": ["四半期の請求書", "りんご四十箱", "製品マニュアル", "サポートの質問", "古い時刻表"],
        "t": ["お昼までに", "毎週火曜日に", "嵐のあとで", "休みの間に", "月末に"],
    },
    "ru": {
        "templates": ["{s} {v} {o} {t}.", "{t} {s} {v} {o}."],
        "s": ["команда склада", "наш поисковый сервис", "маленькая пекарня", "городская библиотека", "каждый новый клиент",
              "ночная смена"],
        "v": ["проверяет", "чинит", "переводит", "сортирует", "доставляет", "сравнивает"],
        "o": ["квартальные счета", "сорок ящиков яблок", "инструкции к продукту", "вопросы в поддержку",
              "старые расписания поездов"],
        "t": ["до полудня", "каждый вторник", "после грозы", "во время праздников", "в конце месяца"],
    },
    "ar": {
        "templates": ["{s} {v} {o} {t}."],
        "s": ["فريق المستودع", "خدمة البحث لدينا", "مخبز صغير", "مكتبة المدينة", "كل عميل جديد"],
        "v": ["يراجع", "يصلح", "يترجم", "يرتب", "يسلم"],
        "o": ["فواتير الربع", "أربعين صندوقا من التفاح", "أدلة المنتج", "أسئلة الدعم"],
        "t": ["قبل الظهر", "كل يوم ثلاثاء", "بعد العاصفة", "في نهاية الشهر"],
    },
    "hi": {
        "templates": ["{s} {t} {o} {v}।"],
        "s": ["गोदाम की टीम", "हमारी खोज सेवा", "एक छोटी बेकरी", "शहर का पुस्तकालय", "हर नया ग्राहक"],
        "v": ["जाँचती है", "ठीक करती है", "अनुवाद करती है", "सजाती है", "पहुँचाती है"],
        "o": ["तिमाही के बिल", "सेब के चालीस डिब्बे", "उत्पाद की पुस्तिकाएँ", "सहायता के सवाल"],
        "t": ["दोपहर से पहले", "हर मंगलवार", "तूफ़ान के बाद", "महीने के अंत में"],
    },
    "ko": {
        "templates": ["{s}은 {t} {o}을 {v}.", "{t} {s}이 {o}을 {v}."],
        "s": ["창고 팀", "우리 검색 서비스", "작은 빵집", "시립 도서관", "새 고객"],
        "v": ["확인합니다", "수리합니다", "번역합니다", "정리합니다", "배달합니다"],
        "o": ["분기 청구서", "사과 사십 상자", "제품 설명서", "지원 문의"],
        "t": ["정오 전에", "매주 화요일에", "폭풍이 지난 뒤에", "월말에"],
    },
}


def sentence(rng, lang):
    words = LANGS[lang]
    template = rng.choice(words["templates"])
    filled = {k: rng.choice(v) for k, v in words.items() if k != "templates"}
    text = template.format(**filled)
    return text[0].upper() + text[1:]


def estimate_tokens(text):
    ascii_chars = sum(1 for c in text if ord(c) < 0x80)
    return (ascii_chars + 3) // 4 + (len(text) - ascii_chars) + 1


def paragraph(rng, langs, min_tokens, max_tokens):
    lang = rng.choice(langs)
    target = rng.randint(min_tokens, max_tokens)
    sep = "" if lang in ("zh", "ja") else " "
    parts = []
    while True:
        candidate = parts + [sentence(rng, lang)]
        if estimate_tokens(sep.join(candidate)) > target and parts:
            return sep.join(parts)
        parts = candidate


SIZES = {"short": (10, 40, 200), "medium": (100, 250, 60), "long": (500, 900, 15)}
CORPORA = {"english": ["en"], "chinese": ["zh"], "multilingual": list(LANGS)}

if __name__ == "__main__":
    for corpus, langs in CORPORA.items():
        for size, (lo, hi, count) in SIZES.items():
            rng = random.Random(f"{corpus}-{size}")
            lines = [paragraph(rng, langs, lo, hi) for _ in range(count)]
            with open(os.path.join(HERE, f"{corpus}-{size}.txt"), "w", encoding="utf-8") as out:
                out.write("\n".join(lines) + "\n")
