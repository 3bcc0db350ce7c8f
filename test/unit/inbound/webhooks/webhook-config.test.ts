import { loadConfig } from "../../../../src/config";
import { ConfigError } from "../../../../src/errors";

describe("webhook settings", () => {
  it("are all off by default", () => {
    expect(loadConfig({}).webhooks).toEqual({});
  });

  it("turn each provider on by its secret (SES by its topics)", () => {
    const config = loadConfig({
      POSTMARK_WEBHOOK_PASSWORD: "0123456789abcdef0123",
      MAILGUN_WEBHOOK_SIGNING_KEY: "key-abc",
      SES_WEBHOOK_TOPIC_ARN:
        "arn:aws:sns:us-east-1:123456789012:ses-bounces, arn:aws-cn:sns:cn-north-1:123456789012:other",
    });
    expect(config.webhooks).toEqual({
      postmark: { user: "postmark", password: "0123456789abcdef0123" },
      mailgun: { signingKey: "key-abc" },
      ses: {
        topicArns: [
          "arn:aws:sns:us-east-1:123456789012:ses-bounces",
          "arn:aws-cn:sns:cn-north-1:123456789012:other",
        ],
      },
    });
  });

  it("refuse a short password or a malformed topic, naming them but never the password", () => {
    let error: unknown;
    try {
      loadConfig({ POSTMARK_WEBHOOK_PASSWORD: "hunter2", SES_WEBHOOK_TOPIC_ARN: "my-topic" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^POSTMARK_WEBHOOK_PASSWORD is invalid: .*\(got 7 characters\)$/),
      expect.stringMatching(/^SES_WEBHOOK_TOPIC_ARN is invalid: expected SNS topic ARNs/),
    ]);
    expect(problems.join("\n")).not.toContain("hunter2");
  });
});
