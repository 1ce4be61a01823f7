package cn.wenming.practice.need;

/** 评单 by the resident (see {@link NeedClosing}): 1–5 stars and an optional comment. */
record RateNeed(long needId, int stars, String comment) {
}
