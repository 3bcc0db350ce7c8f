import type { GlossaryEntry } from "../glossary";

/** How results are measured and compared. */
export const EVALUATION_TERMS: readonly GlossaryEntry[] = [
  { en: "benchmark", zh: "基准", zhAlso: ["评测集"] },
  { en: "baseline", zh: "基线", zhAlso: ["基准", "基准方法", "基准模型"] },
  { en: "ablation", zh: "消融" },
  { en: "ablation study", zh: "消融实验", zhAlso: ["消融研究"] },
  { en: "accuracy", zh: "准确率", zhAlso: ["准确度", "正确率", "精度"] },
  { en: "F1 score", zh: "F1分数", zhAlso: ["F1 分数", "F1值", "F1 值"] },
  { en: "average precision", zh: "平均精度" },
  { en: "mean average precision", zh: "平均精度均值" },
  { en: "cross-validation", zh: "交叉验证" },
  { en: "confusion matrix", zh: "混淆矩阵" },
  { en: "intersection over union", zh: "交并比" },
  { en: "IoU", zh: "交并比" },
  { en: "signal-to-noise ratio", zh: "信噪比" },
  { en: "peak signal-to-noise ratio", zh: "峰值信噪比" },
  { en: "PSNR", zh: "峰值信噪比" },
  { en: "structural similarity", zh: "结构相似性" },
  { en: "SSIM", zh: "结构相似性" },
  { en: "perplexity", zh: "困惑度" },
  { en: "word error rate", zh: "词错误率", zhAlso: ["字错误率"] },
  { en: "WER", zh: "词错误率", zhAlso: ["字错误率"] },
  { en: "human evaluation", zh: "人工评估", zhAlso: ["人类评估", "人工评测"] },
];
