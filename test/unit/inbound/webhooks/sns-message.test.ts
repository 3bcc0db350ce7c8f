import { SnsFetchError, fetchFromSns } from "../../../../src/inbound/webhooks/sns-fetcher";
import {
  snsStringToSign,
  snsUrl,
  type SnsMessage,
} from "../../../../src/inbound/webhooks/sns-message";

describe("snsUrl", () => {
  it.each([
    "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem",
    "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem",
  ])("takes %s", (url) => {
    expect(snsUrl(url)?.href).toBe(url);
  });

  it.each([
    "http://sns.us-east-1.amazonaws.com/cert.pem",
    "https://evil.example.com/cert.pem",
    "https://sns.us-east-1.amazonaws.com.evil.example.com/cert.pem",
    "https://evil.com#sns.us-east-1.amazonaws.com/cert.pem",
    "https://user@sns.us-east-1.amazonaws.com/cert.pem",
    "https://sns.us-east-1.amazonaws.com:8443/cert.pem",
    "https://s3.amazonaws.com/cert.pem",
    "not a url",
  ])("refuses %s", (url) => {
    expect(snsUrl(url)).toBeUndefined();
  });
});

describe("fetchFromSns", () => {
  it("refuses a host that is not Amazon SNS's before connecting", async () => {
    await expect(fetchFromSns(new URL("https://127.0.0.1/cert.pem"))).rejects.toThrow(
      SnsFetchError,
    );
    await expect(fetchFromSns(new URL("http://sns.us-east-1.amazonaws.com/c.pem"))).rejects.toThrow(
      /not an Amazon SNS host/,
    );
  });
});

describe("snsStringToSign", () => {
  const base: SnsMessage = {
    Type: "Notification",
    MessageId: "id-1",
    TopicArn: "arn:aws:sns:us-east-1:123456789012:t",
    Message: "line one\nline two",
    Timestamp: "2026-12-01T00:00:00.000Z",
    SignatureVersion: "1",
    Signature: "c2ln",
    SigningCertURL: "https://sns.us-east-1.amazonaws.com/c.pem",
  };

  it("lists a notification's fields in AWS's order, with Subject only when there is one", () => {
    expect(snsStringToSign(base)).toBe(
      "Message\nline one\nline two\nMessageId\nid-1\nTimestamp\n2026-12-01T00:00:00.000Z\nTopicArn\narn:aws:sns:us-east-1:123456789012:t\nType\nNotification\n",
    );
    expect(snsStringToSign({ ...base, Subject: "Hi" })).toContain(
      "MessageId\nid-1\nSubject\nHi\nTimestamp\n",
    );
  });

  it("signs a confirmation's SubscribeURL and Token, never an UnsubscribeURL", () => {
    const confirmation = {
      ...base,
      Type: "SubscriptionConfirmation",
      Token: "tok",
      SubscribeURL: "https://x",
    } as const;
    expect(snsStringToSign(confirmation)).toBe(
      "Message\nline one\nline two\nMessageId\nid-1\nSubscribeURL\nhttps://x\nTimestamp\n2026-12-01T00:00:00.000Z\nToken\ntok\nTopicArn\narn:aws:sns:us-east-1:123456789012:t\nType\nSubscriptionConfirmation\n",
    );
  });
});
