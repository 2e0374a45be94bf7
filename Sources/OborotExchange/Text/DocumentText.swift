public enum DocumentText {}
