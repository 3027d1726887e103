<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Cart</name>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>单价</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Open amount ({category})</source>
            <translation>自定金额（{category}）</translation>
        </message>
        <message>
            <source>Remove this line</source>
            <translation>删除这一行</translation>
        </message>
    </context>
    <context>
        <name>Categories</name>
        <message>
            <source>Drinks</source>
            <translation>饮品</translation>
        </message>
        <message>
            <source>Food</source>
            <translation>食品</translation>
        </message>
        <message>
            <source>Homeware</source>
            <translation>家居用品</translation>
        </message>
        <message>
            <source>Skincare</source>
            <translation>护肤品</translation>
        </message>
        <message>
            <source>Gifts</source>
            <translation>礼品</translation>
        </message>
        <message>
            <source>Apparel</source>
            <translation>服饰</translation>
        </message>
        <message>
            <source>General</source>
            <translation>一般</translation>
        </message>
    </context>
    <context>
        <name>Checkout</name>
        <message>
            <source>Checkout</source>
            <translation>结账</translation>
        </message>
        <message>
            <source>New sale</source>
            <translation>新交易</translation>
        </message>
        <message>
            <source>Find member</source>
            <translation>查找会员</translation>
        </message>
        <message>
            <source>Enroll</source>
            <translation>注册会员</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <source>Member details</source>
            <translation>会员资料</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>退货</translation>
        </message>
        <message>
            <source>Day report</source>
            <translation>日报表</translation>
        </message>
        <message>
            <source>Open amount</source>
            <translation>自定金额</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Card {old} was merged into member {new}.</source>
            <translation>卡号 {old} 已合并到会员 {new}。</translation>
        </message>
        <message>
            <source>Sale {receipt} confirmed: earned {earned}, redeemed {redeemed}, new balance {balance}.</source>
            <translation>交易 {receipt} 已完成：获得 {earned} 积分，抵扣 {redeemed} 积分，余额 {balance} 积分。</translation>
        </message>
        <message>
            <source>Confirming…</source>
            <translation>确认中…</translation>
        </message>
        <message>
            <source>{asked} points is more than this sale takes: {points} points used.</source>
            <translation>{asked} 积分超过这笔交易可抵扣的上限：已改为抵扣 {points} 积分。</translation>
        </message>
        <message>
            <source>Points are used in steps of {step}: {asked} became {points}.</source>
            <translation>积分以每 {step} 分为单位抵扣：{asked} 已改为 {points}。</translation>
        </message>
        <message>
            <source>Start a new sale?</source>
            <translation>开始新的交易？</translation>
        </message>
        <message>
            <source>The cart has {n} lines that are not confirmed. Throw them away?</source>
            <translation>购物车有 {n} 项尚未结账。要清除吗？</translation>
        </message>
        <message>
            <source>Throw the cart away</source>
            <translation>清除购物车</translation>
        </message>
        <message>
            <source>Keep the cart</source>
            <translation>保留购物车</translation>
        </message>
        <message>
            <source>{asked} points needs the member&apos;s card or a one-time code: {points} points used for now.</source>
            <translation>抵扣 {asked} 积分须扫会员卡或输入短信验证码：目前先抵扣 {points} 积分。</translation>
        </message>
        <message>
            <source>More than {points} points: scan the member&apos;s card or confirm with a one-time code.</source>
            <translation>超过 {points} 积分：请扫会员卡，或以短信验证码确认。</translation>
        </message>
        <message>
            <source>More than {points} points: scan the member&apos;s card (offline: no code can be sent).</source>
            <translation>超过 {points} 积分：请扫会员卡（离线中，无法发送验证码）。</translation>
        </message>
        <message>
            <source>Code sent to {phone}: type the 6 digits the member reads.</source>
            <translation>验证码已发送至 {phone}：请输入会员念出的 6 位数字。</translation>
        </message>
        <message>
            <source>Send code</source>
            <translation>发送验证码</translation>
        </message>
        <message>
            <source>Verify</source>
            <translation>验证</translation>
        </message>
        <message>
            <source>Code confirmed: the member may redeem the points.</source>
            <translation>验证成功：会员可抵扣积分。</translation>
        </message>
    </context>
    <context>
        <name>Enroll</name>
        <message>
            <source>Enroll a member</source>
            <translation>注册会员</translation>
        </message>
        <message>
            <source>New member</source>
            <translation>新会员</translation>
        </message>
        <message>
            <source>Mobile phone *</source>
            <translation>手机号码 *</translation>
        </message>
        <message>
            <source>Name *</source>
            <translation>姓名 *</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Referred by</source>
            <translation>推荐人</translation>
        </message>
        <message>
            <source>YYYY-MM-DD (optional)</source>
            <translation>YYYY-MM-DD（选填）</translation>
        </message>
        <message>
            <source>Phone or member code of a member (optional)</source>
            <translation>推荐会员的手机号或会员编号（选填）</translation>
        </message>
        <message>
            <source>The member accepts the terms and the privacy notice (required)</source>
            <translation>会员同意会员条款及隐私政策（必填）</translation>
        </message>
        <message>
            <source>The member agrees to receive offers (optional)</source>
            <translation>会员同意接收优惠信息（选填）</translation>
        </message>
        <message>
            <source>Use this member</source>
            <translation>使用这位会员</translation>
        </message>
        <message>
            <source>Enroll and make the card</source>
            <translation>注册并制作会员卡</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Welcome! Here is the member card.</source>
            <translation>欢迎加入！这是会员卡。</translation>
        </message>
        <message>
            <source>This phone already belongs to {name} ({code}).</source>
            <translation>这个手机号已属于 {name}（{code}）。</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Only HQ issues this kind of coupon; it cannot be used.</source>
            <translation>此类优惠券仅由总部发行，无法使用。</translation>
        </message>
        <message>
            <source>This coupon comes from a retired till and cannot be used.</source>
            <translation>此优惠券来自已停用的收银机，无法使用。</translation>
        </message>
        <message>
            <source>This card is from a retired till. Find the member by phone and give them a new card.</source>
            <translation>此会员卡来自已停用的收银机。请用电话查找会员并补发新卡。</translation>
        </message>
        <message>
            <source>Unknown cashier ID or wrong PIN.</source>
            <translation>收银员编号或 PIN 错误。</translation>
        </message>
        <message>
            <source>Locked after too many wrong PINs. A supervisor must unlock it.</source>
            <translation>PIN 错误次数过多，已锁定。须由主管解锁。</translation>
        </message>
        <message>
            <source>This till has no supervisor yet. Add one first.</source>
            <translation>此收银机尚未设置主管，请先添加。</translation>
        </message>
        <message>
            <source>Enter the PIN.</source>
            <translation>请输入 PIN。</translation>
        </message>
        <message>
            <source>The disk is full: nothing was saved. Free some space and try again.</source>
            <translation>磁盘已满：未保存任何数据。请释放空间后重试。</translation>
        </message>
        <message>
            <source>No such reconciliation run.</source>
            <translation>没有这次对账记录。</translation>
        </message>
        <message>
            <source>No member matches that.</source>
            <translation>找不到符合的会员。</translation>
        </message>
        <message>
            <source>This member cannot collect or spend points right now.</source>
            <translation>该会员目前无法累积或使用积分。</translation>
        </message>
        <message>
            <source>This membership was closed at the member's request.</source>
            <translation>此会员资格已依会员要求终止。</translation>
        </message>
        <message>
            <source>Correcting this member's name, phone or birthday needs HQ. Try again when the till is online.</source>
            <translation>修改此会员的姓名、电话或生日需要连接总部，请在收银机联网后再试。</translation>
        </message>
        <message>
            <source>Nothing to change.</source>
            <translation>没有要变更的内容。</translation>
        </message>
        <message>
            <source>HQ must be reached over https://.</source>
            <translation>HQ 必须以 https:// 连接。</translation>
        </message>
        <message>
            <source>That file is not a list of CA certificates (PEM).</source>
            <translation>该文件不是 CA 证书列表（PEM）。</translation>
        </message>
        <message>
            <source>This code is not a member card.</source>
            <translation>这不是会员卡二维码。</translation>
        </message>
        <message>
            <source>This member card's signature is not valid. Do not accept it.</source>
            <translation>这张会员卡的签名无效，请勿接受。</translation>
        </message>
        <message>
            <source>This member code has expired. Ask the member to refresh it.</source>
            <translation>这个会员码已过期，请会员刷新。</translation>
        </message>
        <message>
            <source>This phone number already belongs to a member.</source>
            <translation>这个手机号已经是会员了。</translation>
        </message>
        <message>
            <source>The member must accept the terms to join.</source>
            <translation>会员必须同意条款才能加入。</translation>
        </message>
        <message>
            <source>That is not a phone number.</source>
            <translation>这不是有效的手机号。</translation>
        </message>
        <message>
            <source>Please enter a real name (letters only).</source>
            <translation>请输入真实姓名（只能包含文字）。</translation>
        </message>
        <message>
            <source>The birthday is not a real date of birth.</source>
            <translation>生日日期不正确。</translation>
        </message>
        <message>
            <source>That is not a date.</source>
            <translation>这不是有效的日期。</translation>
        </message>
        <message>
            <source>That is not a date and time.</source>
            <translation>这不是有效的日期时间。</translation>
        </message>
        <message>
            <source>That detail cannot be edited.</source>
            <translation>这个字段不能修改。</translation>
        </message>
        <message>
            <source>The sale has no items yet.</source>
            <translation>这笔交易还没有商品。</translation>
        </message>
        <message>
            <source>A sale can have at most {max} lines.</source>
            <translation>一笔交易最多 {max} 行。</translation>
        </message>
        <message>
            <source>That amount is not possible.</source>
            <translation>金额不正确。</translation>
        </message>
        <message>
            <source>The quantity must be between 1 and 999.</source>
            <translation>数量必须在 1 到 999 之间。</translation>
        </message>
        <message>
            <source>That sale line is not valid.</source>
            <translation>这条交易明细无效。</translation>
        </message>
        <message>
            <source>That product code is not valid.</source>
            <translation>商品编码无效。</translation>
        </message>
        <message>
            <source>Please choose a category.</source>
            <translation>请选择类别。</translation>
        </message>
        <message>
            <source>That number of points is not allowed.</source>
            <translation>这个积分数不允许。</translation>
        </message>
        <message>
            <source>The member does not have enough points for that.</source>
            <translation>会员的积分不足。</translation>
        </message>
        <message>
            <source>Points are redeemed in steps of {step}.</source>
            <translation>积分须以 {step} 为单位抵扣。</translation>
        </message>
        <message>
            <source>At most {max} points can pay for this sale.</source>
            <translation>这笔交易最多可抵扣 {max} 积分。</translation>
        </message>
        <message>
            <source>While offline, at most {max} points can be redeemed.</source>
            <translation>离线时最多只能抵扣 {max} 积分。</translation>
        </message>
        <message>
            <source>This coupon cannot be used for this sale.</source>
            <translation>这张优惠券不能用于这笔交易。</translation>
        </message>
        <message>
            <source>This coupon's signature is not valid.</source>
            <translation>这张优惠券的签名无效。</translation>
        </message>
        <message>
            <source>This coupon has already been used.</source>
            <translation>这张优惠券已经使用过了。</translation>
        </message>
        <message>
            <source>This coupon belongs to another member.</source>
            <translation>这张优惠券属于其他会员。</translation>
        </message>
        <message>
            <source>This coupon expired on {until}.</source>
            <translation>这张优惠券已于 {until} 过期。</translation>
        </message>
        <message>
            <source>This coupon needs a spend of at least {min}.</source>
            <translation>这张优惠券须消费满 {min}。</translation>
        </message>
        <message>
            <source>No sale has receipt number {receipt_no}.</source>
            <translation>找不到小票号 {receipt_no} 的交易。</translation>
        </message>
        <message>
            <source>Not that many items are left to return.</source>
            <translation>可退的数量不足。</translation>
        </message>
        <message>
            <source>That item is not on this receipt.</source>
            <translation>这个商品不在这张小票上。</translation>
        </message>
        <message>
            <source>A supervisor must approve this.</source>
            <translation>需要主管批准。</translation>
        </message>
        <message>
            <source>Only a supervisor can approve this.</source>
            <translation>只有主管可以批准。</translation>
        </message>
        <message>
            <source>Please choose a reason.</source>
            <translation>请选择原因。</translation>
        </message>
        <message>
            <source>That supervisor ID is not valid.</source>
            <translation>主管编号无效。</translation>
        </message>
        <message>
            <source>Wrong PIN. {left} tries left before the cashier is locked.</source>
            <translation>密码错误。再错 {left} 次账号将被锁定。</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {minutes} minutes.</source>
            <translation>密码错误次数过多，请 {minutes} 分钟后再试。</translation>
        </message>
        <message>
            <source>Unknown cashier ID.</source>
            <translation>查无此收银员编号。</translation>
        </message>
        <message>
            <source>That cashier ID is not valid.</source>
            <translation>收银员编号无效。</translation>
        </message>
        <message>
            <source>That cashier ID is already taken.</source>
            <translation>这个收银员编号已被使用。</translation>
        </message>
        <message>
            <source>A PIN is 4 to 8 digits.</source>
            <translation>密码为 4 到 8 位数字。</translation>
        </message>
        <message>
            <source>That role does not exist.</source>
            <translation>没有这个角色。</translation>
        </message>
        <message>
            <source>This till is not set up yet.</source>
            <translation>这台收银机还没设置。</translation>
        </message>
        <message>
            <source>This till is already set up.</source>
            <translation>这台收银机已经设置过了。</translation>
        </message>
        <message>
            <source>Store ID: letters, digits, - and _ only (up to 20).</source>
            <translation>门店编号：只能用英文字母、数字、- 和 _（最多 20 个字符）。</translation>
        </message>
        <message>
            <source>Terminal ID: letters, digits, - and _ only (up to 20).</source>
            <translation>收银机编号：只能用英文字母、数字、- 和 _（最多 20 个字符）。</translation>
        </message>
        <message>
            <source>The HQ address must start with http:// or https://</source>
            <translation>总部网址必须以 http:// 或 https:// 开头</translation>
        </message>
        <message>
            <source>The loyalty rules received are not valid.</source>
            <translation>收到的会员规则无效。</translation>
        </message>
        <message>
            <source>This till has no HQ address.</source>
            <translation>这台收银机没有设置总部网址。</translation>
        </message>
        <message>
            <source>HQ cannot be reached. Everything is kept and will sync later.</source>
            <translation>无法连接总部。所有数据都已保存，稍后会自动同步。</translation>
        </message>
        <message>
            <source>That command is not valid.</source>
            <translation>指令无效。</translation>
        </message>
        <message>
            <source>This till belongs to a real store; demo mode needs its own data folder.</source>
            <translation>这台收银机属于正式门店，演示模式需要另一个数据文件夹。</translation>
        </message>
        <message>
            <source>No free network port for the demo HQ.</source>
            <translation>没有可用的网络端口给演示总部使用。</translation>
        </message>
        <message>
            <source>The demo HQ could not start.</source>
            <translation>演示总部无法启动。</translation>
        </message>
        <message>
            <source>Not a member card, product or receipt: {text}</source>
            <translation>不是会员卡、商品或小票：{text}</translation>
        </message>
        <message>
            <source>No product with code {text}.</source>
            <translation>找不到商品编码 {text}。</translation>
        </message>
        <message>
            <source>Identify the member first (scan the card or type the phone).</source>
            <translation>请先确认会员（扫描会员卡或输入手机号）。</translation>
        </message>
        <message>
            <source>No camera found. Use the scanner or type the phone number.</source>
            <translation>找不到摄像头。请使用扫码枪或输入手机号。</translation>
        </message>
        <message>
            <source>The camera stopped working: {detail}</source>
            <translation>摄像头停止工作：{detail}</translation>
        </message>
        <message>
            <source>The till is still starting. Please wait a moment.</source>
            <translation>收银机启动中，请稍候。</translation>
        </message>
        <message>
            <source>Could not save the file: {detail}</source>
            <translation>无法保存文件：{detail}</translation>
        </message>
        <message>
            <source>Something went wrong. Nothing was changed. Please try again.</source>
            <translation>发生错误，数据没有变动。请再试一次。</translation>
        </message>
        <message>
            <source>This was refused ({code}).</source>
            <translation>操作被拒绝（{code}）。</translation>
        </message>
        <message>
            <source>Members enroll with a mobile number; that is a landline.</source>
            <translation>会员须以手机号码注册；这是固定电话号码。</translation>
        </message>
        <message>
            <source>That country is not supported (TW, CN or HK).</source>
            <translation>不支持这个国家或地区（仅 TW、CN、HK）。</translation>
        </message>
        <message>
            <source>A name is at most {max} characters.</source>
            <translation>姓名最多 {max} 个字。</translation>
        </message>
        <message>
            <source>Wrong PIN. 1 try left before the cashier is locked.</source>
            <translation>PIN 错误。再错 1 次，此收银员将被锁定。</translation>
        </message>
        <message>
            <source>That is not a payment method.</source>
            <translation>这不是可用的付款方式。</translation>
        </message>
        <message>
            <source>Not enough cash: {received} received, {due} due.</source>
            <translation>现金不足：收到 {received}，应付 {due}。</translation>
        </message>
        <message>
            <source>The printer was not found ({detail}). Check its cable or address in Settings.</source>
            <translation>找不到打印机（{detail}）。请检查连接线，或到设置中确认地址。</translation>
        </message>
        <message>
            <source>The printer stopped answering ({detail}).</source>
            <translation>打印机没有响应（{detail}）。</translation>
        </message>
        <message>
            <source>The printer is out of paper. Load a new roll.</source>
            <translation>打印机缺纸，请换上新的纸卷。</translation>
        </message>
        <message>
            <source>The printer could not print: {detail}</source>
            <translation>打印机无法打印：{detail}</translation>
        </message>
        <message>
            <source>A USB printer is its vendor:product id in hex, e.g. 04b8:0202.</source>
            <translation>USB 打印机请输入厂商:产品代码（十六进制），例如 04b8:0202。</translation>
        </message>
        <message>
            <source>A network printer is a host or host:port, e.g. 192.168.1.50:9100.</source>
            <translation>网络打印机请输入主机或主机:端口，例如 192.168.1.50:9100。</translation>
        </message>
        <message>
            <source>A serial printer is a device such as /dev/ttyUSB0 (or /dev/ttyUSB0@19200).</source>
            <translation>串口打印机请输入设备，例如 /dev/ttyUSB0（或 /dev/ttyUSB0@19200）。</translation>
        </message>
        <message>
            <source>More than {max} points: scan the member&apos;s card or confirm with a one-time code.</source>
            <translation>超过 {max} 积分：请扫会员卡，或以短信验证码确认。</translation>
        </message>
        <message>
            <source>More than {max} points: scan the member&apos;s card (offline, no one-time code can be sent).</source>
            <translation>超过 {max} 积分：请扫会员卡（离线中，无法发送验证码）。</translation>
        </message>
        <message>
            <source>How the member was identified is not known.</source>
            <translation>无法得知会员的识别方式。</translation>
        </message>
        <message>
            <source>That one-time code proof is not valid.</source>
            <translation>此验证码凭证无效。</translation>
        </message>
        <message>
            <source>A one-time code needs HQ: scan the member&apos;s card instead.</source>
            <translation>验证码需要连接总部：请改扫会员卡。</translation>
        </message>
        <message>
            <source>HQ cannot send text messages: scan the member&apos;s card.</source>
            <translation>总部无法发送短信：请扫会员卡。</translation>
        </message>
        <message>
            <source>Too many codes were sent to this member: scan the card.</source>
            <translation>此会员的验证码发送次数过多：请扫会员卡。</translation>
        </message>
        <message>
            <source>Too many wrong codes: send a new one.</source>
            <translation>验证码错误次数过多：请重新发送。</translation>
        </message>
        <message>
            <source>This code has expired: send a new one.</source>
            <translation>验证码已过期：请重新发送。</translation>
        </message>
        <message>
            <source>That is not the code sent to the member.</source>
            <translation>验证码不正确。</translation>
        </message>
        <message>
            <source>No such code was sent from this till: send a new one.</source>
            <translation>本收银台未发送此验证码：请重新发送。</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <source>Set up this till</source>
            <translation>设置这台收银机</translation>
        </message>
        <message>
            <source>Enter the store and till names HQ gave you, and the first supervisor's login.</source>
            <translation>请输入总部提供的门店与收银机编号，以及第一位主管的登录信息。</translation>
        </message>
        <message>
            <source>Store ID</source>
            <translation>门店编号</translation>
        </message>
        <message>
            <source>Till ID</source>
            <translation>收银机编号</translation>
        </message>
        <message>
            <source>HQ address (optional)</source>
            <translation>总部网址（选填）</translation>
        </message>
        <message>
            <source>HQ token</source>
            <translation>总部令牌</translation>
        </message>
        <message>
            <source>Supervisor ID</source>
            <translation>主管编号</translation>
        </message>
        <message>
            <source>Supervisor name</source>
            <translation>主管姓名</translation>
        </message>
        <message>
            <source>Supervisor PIN (4-8 digits)</source>
            <translation>主管密码（4 到 8 位数字）</translation>
        </message>
        <message>
            <source>HQ certificate authority (optional)</source>
            <translation>总部证书颁发机构（可选）</translation>
        </message>
        <message>
            <source>PEM file; empty = this computer's trusted CAs</source>
            <translation>PEM 文件；留空则使用本机信任的证书</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>HQ certificate authority</source>
            <translation>总部证书颁发机构</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt);;All files (*)</source>
            <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
        </message>
        <message>
            <source>There is no file at the certificate path given.</source>
            <translation>找不到所填证书路径的文件。</translation>
        </message>
        <message>
            <source>Set up</source>
            <translation>完成设置</translation>
        </message>
        <message>
            <source>Demo mode</source>
            <translation>演示模式</translation>
        </message>
        <message>
            <source>Demo mode runs a local HQ with demo members and products. Log in as 1001 / PIN 1234 (cashier) or 9001 / PIN 9999 (supervisor).</source>
            <translation>演示模式会在本机运行总部，并创建演示会员与商品。收银员请用 1001／密码 1234 登录，主管请用 9001／密码 9999。</translation>
        </message>
        <message>
            <source>Please fill in every field marked above.</source>
            <translation>请填写上方所有字段。</translation>
        </message>
        <message>
            <source>Setting up…</source>
            <translation>设置中…</translation>
        </message>
    </context>
    <context>
        <name>Ledger</name>
        <message>
            <source>Purchase</source>
            <translation>消费</translation>
        </message>
        <message>
            <source>Sign-up bonus</source>
            <translation>入会礼</translation>
        </message>
        <message>
            <source>Referral bonus</source>
            <translation>推荐奖励</translation>
        </message>
        <message>
            <source>Bonus</source>
            <translation>奖励</translation>
        </message>
        <message>
            <source>Redeemed</source>
            <translation>抵扣</translation>
        </message>
        <message>
            <source>Return (points taken back)</source>
            <translation>退货（扣回积分）</translation>
        </message>
        <message>
            <source>Return (points given back)</source>
            <translation>退货（退还积分）</translation>
        </message>
        <message>
            <source>Adjustment</source>
            <translation>调整</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>过期</translation>
        </message>
        <message>
            <source>Merged in</source>
            <translation>合并转入</translation>
        </message>
        <message>
            <source>Goodwill</source>
            <translation>客户关怀</translation>
        </message>
        <message>
            <source>Correction</source>
            <translation>更正</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Migration from the old system</source>
            <translation>旧系统迁移</translation>
        </message>
    </context>
    <context>
        <name>Login</name>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Store loyalty till</source>
            <translation>门店会员收银</translation>
        </message>
        <message>
            <source>Cashier ID</source>
            <translation>收银员编号</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Log in (Enter)</source>
            <translation>登录（Enter）</translation>
        </message>
        <message>
            <source>Opening the store…</source>
            <translation>正在打开门店数据…</translation>
        </message>
        <message>
            <source>Locked. {name} was working here; log in to continue.</source>
            <translation>已锁定。{name} 正在使用这台收银机，请登录继续。</translation>
        </message>
        <message>
            <source>Log in with your cashier ID and PIN.</source>
            <translation>请输入收银员编号和密码登录。</translation>
        </message>
    </context>
    <context>
        <name>Lookup</name>
        <message>
            <source>Phone, member code or name</source>
            <translation>手机号、会员编号或姓名</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>查找</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Store loyalty till</source>
            <translation>门店会员收银</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <source>cashier</source>
            <translation>收银员</translation>
        </message>
        <message>
            <source>{name} ({role}) · F11 lock</source>
            <translation>{name}（{role}）· F11 锁定</translation>
        </message>
        <message>
            <source>Close the till?</source>
            <translation>关闭收银机？</translation>
        </message>
        <message>
            <source>The current sale is not confirmed. Its cart will be lost if you close now.</source>
            <translation>当前交易尚未确认，现在关闭的话购物车内容会丢失。</translation>
        </message>
        <message>
            <source>Discard the cart and close</source>
            <translation>放弃购物车并关闭</translation>
        </message>
        <message>
            <source>Keep the sale open</source>
            <translation>继续这笔交易</translation>
        </message>
    </context>
    <context>
        <name>Member</name>
        <message>
            <source>Awaiting HQ approval</source>
            <translation>待总部核准</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>What</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>到期日</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>参考编号</translation>
        </message>
        <message>
            <source>HQ</source>
            <translation>总部</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>待发送</translation>
        </message>
        <message>
            <source>Member details</source>
            <translation>会员资料</translation>
        </message>
        <message>
            <source>History</source>
            <translation>积分记录</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>基本资料</translation>
        </message>
        <message>
            <source>Adjust points</source>
            <translation>调整积分</translation>
        </message>
        <message>
            <source>Reissue card</source>
            <translation>补发会员卡</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>返回结账</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Agrees to receive offers</source>
            <translation>同意接收优惠信息</translation>
        </message>
        <message>
            <source>Save changes</source>
            <translation>保存修改</translation>
        </message>
        <message>
            <source>Correct name, phone or birthday (asks HQ)</source>
            <translation>修改姓名、电话或生日（向总部获取资料）</translation>
        </message>
        <message>
            <source>Points (+ or -)</source>
            <translation>积分（+ 或 -）</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>{name} · {code} · {tier} · {points} points</source>
            <translation>{name} · {code} · {tier} · {points} 积分</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>没有需要保存的修改。</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>Enter the points to add (+) or take away (-).</source>
            <translation>请输入要增加（+）或扣除（-）的积分。</translation>
        </message>
        <message>
            <source>Adjusted by {points} points.</source>
            <translation>已调整 {points} 积分。</translation>
        </message>
    </context>
    <context>
        <name>MemberCard</name>
        <message>
            <source>Print card</source>
            <translation>打印会员卡</translation>
        </message>
        <message>
            <source>Save PNG</source>
            <translation>保存 PNG</translation>
        </message>
        <message>
            <source>Save PDF</source>
            <translation>保存 PDF</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>返回结账</translation>
        </message>
        <message>
            <source>Save the member card</source>
            <translation>保存会员卡</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <source>Card printed.</source>
            <translation>会员卡已打印。</translation>
        </message>
    </context>
    <context>
        <name>MemberPanel</name>
        <message>
            <source>No member yet.
Scan the member card, or type a phone number, member code or name.</source>
            <translation>尚未选择会员。
请扫描会员卡，或输入手机号、会员编号或姓名。</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Confirmed by HQ {confirmed} + recorded here {pending}</source>
            <translation>总部已确认 {confirmed} + 本机待传 {pending}</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <source>Unverified since {when} (offline)</source>
            <translation>自 {when} 起未经总部确认（离线）</translation>
        </message>
        <message>
            <source>{points} points expire within 30 days (from {date})</source>
            <translation>{points} 积分将于 30 天内过期（{date} 起）</translation>
        </message>
        <message>
            <source>Birthday this month</source>
            <translation>本月寿星</translation>
        </message>
        <message>
            <source>Coupons available: {n}</source>
            <translation>可用优惠券：{n} 张</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Today's offers: {offers}</source>
            <translation>今日优惠：{offers}</translation>
        </message>
        <message>
            <source>Top tier reached</source>
            <translation>已达最高等级</translation>
        </message>
        <message>
            <source>Spend {amount} more for {tier}</source>
            <translation>再消费 {amount} 即可升级{tier}</translation>
        </message>
        <message>
            <source>All points confirmed by HQ.</source>
            <translation>所有积分都已由总部确认。</translation>
        </message>
        <message>
            <source>HQ has confirmed {confirmed}; {pending} more earned at this till are not sent yet.</source>
            <translation>总部已确认 {confirmed} 积分；本机另有 {pending} 积分新增尚未上传。</translation>
        </message>
        <message>
            <source>HQ has confirmed {confirmed}; {pending} used at this till are not sent yet.</source>
            <translation>总部已确认 {confirmed} 积分；本机已使用的 {pending} 积分尚未上传。</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>Member card</source>
            <translation>会员卡</translation>
        </message>
        <message>
            <source>Show this code at the till to collect points.</source>
            <translation>结账时出示此二维码即可累积积分。</translation>
        </message>
        <message>
            <source>Open amount ({category})</source>
            <translation>自定金额（{category}）</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>小计</translation>
        </message>
        <message>
            <source>Member discount</source>
            <translation>会员折扣</translation>
        </message>
        <message>
            <source>Coupon</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <source>Points redeemed: {points}</source>
            <translation>积分抵扣：{points} 积分</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>实付</translation>
        </message>
        <message>
            <source>Points earned</source>
            <translation>本次获得积分</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>抵扣积分</translation>
        </message>
        <message>
            <source>New balance</source>
            <translation>积分余额</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>小票</translation>
        </message>
        <message>
            <source>Store {store} · Till {till}</source>
            <translation>门店 {store} · 收银机 {till}</translation>
        </message>
        <message>
            <source>Member: {name} ({code})</source>
            <translation>会员：{name}（{code}）</translation>
        </message>
        <message>
            <source>Keep this receipt for returns.</source>
            <translation>退货时请出示本小票。</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>Points taken back</source>
            <translation>扣回积分</translation>
        </message>
        <message>
            <source>Points given back</source>
            <translation>退还积分</translation>
        </message>
        <message>
            <source>none (approved by {supervisor})</source>
            <translation>无（由 {supervisor} 批准）</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>退货单</translation>
        </message>
        <message>
            <source>Original receipt: {receipt}</source>
            <translation>原小票：{receipt}</translation>
        </message>
        <message>
            <source>Member: {code}</source>
            <translation>会员：{code}</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>现金</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>银行卡</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Till {till} · Cashier {cashier}</source>
            <translation>收银机 {till} · 收银员 {cashier}</translation>
        </message>
        <message>
            <source>Till {till}</source>
            <translation>收银机 {till}</translation>
        </message>
        <message>
            <source>Paid by</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>收款</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>找零</translation>
        </message>
        <message>
            <source>Expiring by {date}</source>
            <translation>{date} 前到期</translation>
        </message>
    </context>
    <context>
        <name>ProductEntry</name>
        <message>
            <source>Product code or barcode</source>
            <translation>商品编码或条码</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Open amount, e.g. 120.50</source>
            <translation>自定金额，例如 120.50</translation>
        </message>
        <message>
            <source>Add amount</source>
            <translation>添加金额</translation>
        </message>
    </context>
    <context>
        <name>ReceiptView</name>
        <message>
            <source>Print receipt</source>
            <translation>打印小票</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>另存 PDF</translation>
        </message>
        <message>
            <source>Save the receipt</source>
            <translation>保存小票</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <source>Reprint receipt</source>
            <translation>重印小票</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>打印中…</translation>
        </message>
        <message>
            <source>Printed {receipt}.</source>
            <translation>已打印 {receipt}。</translation>
        </message>
        <message>
            <source>The sale is saved; press F9 to reprint.</source>
            <translation>这笔销售已保存；按 F9 重印。</translation>
        </message>
    </context>
    <context>
        <name>Rejected</name>
        <message>
            <source>Events rejected by HQ</source>
            <translation>总部退回的数据</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>单号</translation>
        </message>
        <message>
            <source>HQ's reason</source>
            <translation>总部给出的原因</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>返回结账</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>HQ has not rejected anything.</source>
            <translation>总部没有退回任何数据。</translation>
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <source>Day report</source>
            <translation>日报表</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>交易笔数</translation>
        </message>
        <message>
            <source>Takings</source>
            <translation>营业额</translation>
        </message>
        <message>
            <source>Points issued</source>
            <translation>发放积分</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>抵扣积分</translation>
        </message>
        <message>
            <source>New members</source>
            <translation>新会员</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>退货笔数</translation>
        </message>
        <message>
            <source>Refunds</source>
            <translation>退款金额</translation>
        </message>
        <message>
            <source>Events not yet sent to HQ</source>
            <translation>尚未发送到总部的数据</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>返回结账</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>导出 CSV</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>导出 PDF</translation>
        </message>
        <message>
            <source>Sales by tier</source>
            <translation>各等级销售</translation>
        </message>
        <message>
            <source>Export the day report</source>
            <translation>导出日报表</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Day report {date} · store {store}</source>
            <translation>日报表 {date} · 门店 {store}</translation>
        </message>
        <message>
            <source>Paid in cash</source>
            <translation>现金收款</translation>
        </message>
        <message>
            <source>Paid by card</source>
            <translation>刷卡收款</translation>
        </message>
        <message>
            <source>Paid otherwise</source>
            <translation>其他方式收款</translation>
        </message>
        <message>
            <source>Expected cash in the drawer</source>
            <translation>钱箱应有现金</translation>
        </message>
    </context>
    <context>
        <name>Returns</name>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Sold</source>
            <translation>已售</translation>
        </message>
        <message>
            <source>Returned before</source>
            <translation>已退</translation>
        </message>
        <message>
            <source>Return now</source>
            <translation>本次退货</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>退货</translation>
        </message>
        <message>
            <source>Return goods</source>
            <translation>退货</translation>
        </message>
        <message>
            <source>Scan or type the receipt number</source>
            <translation>扫描或输入小票号</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>查找</translation>
        </message>
        <message>
            <source>Return everything</source>
            <translation>全部退货</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>Points taken back</source>
            <translation>扣回积分</translation>
        </message>
        <message>
            <source>Points given back</source>
            <translation>退还积分</translation>
        </message>
        <message>
            <source>Balance after</source>
            <translation>退货后积分</translation>
        </message>
        <message>
            <source>No receipt: a supervisor approves the amount returned.</source>
            <translation>无小票退货：由主管批准退货金额。</translation>
        </message>
        <message>
            <source>Member (phone or code)</source>
            <translation>会员（手机号或编号）</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>返回结账</translation>
        </message>
        <message>
            <source>Next return</source>
            <translation>下一笔退货</translation>
        </message>
        <message>
            <source>Confirm return</source>
            <translation>确认退货</translation>
        </message>
        <message>
            <source>With receipt</source>
            <translation>有小票</translation>
        </message>
        <message>
            <source>No receipt</source>
            <translation>无小票</translation>
        </message>
        <message>
            <source>Sale {receipt} on {date}, member {member}, paid {paid}</source>
            <translation>交易 {receipt}，{date}，会员 {member}，实付 {paid}</translation>
        </message>
        <message>
            <source>Return {number} done. Refund {refund}.</source>
            <translation>退货 {number} 完成，退款 {refund}。</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <source>Lock after idle</source>
            <translation>闲置后自动锁定</translation>
        </message>
        <message>
            <source>Privacy</source>
            <translation>隐私</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>min</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>Mask member names and phones on screen</source>
            <translation>屏幕上隐藏部分会员姓名与手机号</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>返回结账</translation>
        </message>
        <message>
            <source>Events rejected by HQ</source>
            <translation>总部退回的数据</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Store {store} · Till {till} · HQ {hq}</source>
            <translation>门店 {store} · 收银机 {till} · 总部 {hq}</translation>
        </message>
        <message>
            <source>demo mode</source>
            <translation>演示模式</translation>
        </message>
        <message>
            <source>No camera found on this computer.</source>
            <translation>这台电脑没有摄像头。</translation>
        </message>
        <message>
            <source>Scanner ends each code with</source>
            <translation>扫描枪每个条码结尾</translation>
        </message>
        <message>
            <source>Scanner prefix</source>
            <translation>扫描枪前缀字符</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter 键</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>Tab</translation>
        </message>
        <message>
            <source>CR LF (Enter, line feed)</source>
            <translation>CR LF（Enter 加换行）</translation>
        </message>
        <message>
            <source>Only a supervisor can change this.</source>
            <translation>只有主管可以更改此设置。</translation>
        </message>
    </context>
    <context>
        <name>Supervisor</name>
        <message>
            <source>Supervisor ID</source>
            <translation>主管编号</translation>
        </message>
        <message>
            <source>Supervisor PIN</source>
            <translation>主管密码</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <source>Approved by {name}</source>
            <translation>已由 {name} 批准</translation>
        </message>
    </context>
    <context>
        <name>SyncStatus</name>
        <message>
            <source>Sync now</source>
            <translation>立即同步</translation>
        </message>
        <message>
            <source>Local only (no HQ)</source>
            <translation>仅本机（未连总部）</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>连接中…</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>在线</translation>
        </message>
        <message>
            <source>Waiting to send: {n}</source>
            <translation>待发送：{n} 条</translation>
        </message>
        <message>
            <source>Last sync {when}</source>
            <translation>上次同步 {when}</translation>
        </message>
        <message>
            <source>Never synced</source>
            <translation>尚未同步</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>错误：{error}</translation>
        </message>
        <message>
            <source>HQ cannot be reached</source>
            <translation>无法连接总部</translation>
        </message>
        <message>
            <source>HQ did not answer in time</source>
            <translation>总部未及时响应</translation>
        </message>
        <message>
            <source>HQ refused this till's token</source>
            <translation>总部拒绝此收银机的凭证</translation>
        </message>
        <message>
            <source>HQ is busy or failing; trying again</source>
            <translation>总部繁忙或故障，稍后重试</translation>
        </message>
        <message>
            <source>Unexpected answer from HQ ({code})</source>
            <translation>总部响应异常（{code}）</translation>
        </message>
        <message>
            <source>Rejected by HQ: {n}</source>
            <translation>总部退回：{n} 条</translation>
        </message>
        <message>
            <source>Offline: HQ has not answered since {when}. Sales go on and are sent later.</source>
            <translation>离线：总部自 {when} 起没有响应。交易照常进行，稍后会自动发送。</translation>
        </message>
        <message>
            <source>Offline: HQ cannot be reached. Sales go on and are sent later.</source>
            <translation>离线：无法连接总部。交易照常进行，稍后会自动发送。</translation>
        </message>
    </context>
    <context>
        <name>Totals</name>
        <message>
            <source>{percent}% off</source>
            <translation>减 {percent}%</translation>
        </message>
        <message>
            <source>{amount} off</source>
            <translation>减 {amount}</translation>
        </message>
        <message>
            <source>(spend {amount})</source>
            <translation>（满 {amount}）</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>小计</translation>
        </message>
        <message>
            <source>Member discount</source>
            <translation>会员折扣</translation>
        </message>
        <message>
            <source>Coupon</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <source>Points as payment</source>
            <translation>积分抵扣</translation>
        </message>
        <message>
            <source>To pay</source>
            <translation>应付金额</translation>
        </message>
        <message>
            <source>Points earned</source>
            <translation>本次获得积分</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>最多</translation>
        </message>
        <message>
            <source>Confirm sale</source>
            <translation>确认结账</translation>
        </message>
        <message>
            <source>No coupon</source>
            <translation>不使用优惠券</translation>
        </message>
        <message>
            <source>Scanned coupon</source>
            <translation>扫描的优惠券</translation>
        </message>
        <message>
            <source>Up to {points} points, in steps of {step}</source>
            <translation>最多 {points} 积分，每次 {step} 积分</translation>
        </message>
        <message>
            <source>Identify the member to collect points.</source>
            <translation>确认会员后即可累积积分。</translation>
        </message>
        <message>
            <source>Scan or type a product code.</source>
            <translation>请扫描或输入商品编码。</translation>
        </message>
    </context>
    <context>
        <name>FKeys</name>
        <message>
            <source>Open amount</source>
            <translation>自定金额</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新交易</translation>
        </message>
        <message>
            <source>Find member</source>
            <translation>查找会员</translation>
        </message>
        <message>
            <source>Enroll</source>
            <translation>注册会员</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <source>Member details</source>
            <translation>会员资料</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>退货</translation>
        </message>
        <message>
            <source>Day report</source>
            <translation>日报表</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
    </context>
    <context>
        <name>Tender</name>
        <message>
            <source>Payment</source>
            <translation>付款</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>现金</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>银行卡</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Due {amount}</source>
            <translation>应付 {amount}</translation>
        </message>
        <message>
            <source>Cash received</source>
            <translation>收到现金</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>找零</translation>
        </message>
        <message>
            <source>Enter  Accept</source>
            <translation>Enter  确认</translation>
        </message>
        <message>
            <source>Esc  Back to the sale</source>
            <translation>Esc  回到销售</translation>
        </message>
    </context>
    <context>
        <name>PrinterSettings</name>
        <message>
            <source>System printer</source>
            <translation>系统打印机</translation>
        </message>
        <message>
            <source>ESC/POS thermal printer on USB</source>
            <translation>USB 热敏打印机（ESC/POS）</translation>
        </message>
        <message>
            <source>ESC/POS thermal printer on the network</source>
            <translation>网络热敏打印机（ESC/POS）</translation>
        </message>
        <message>
            <source>ESC/POS thermal printer on a serial port</source>
            <translation>串口热敏打印机（ESC/POS）</translation>
        </message>
        <message>
            <source>By the receipt's language (Big5 / GB18030)</source>
            <translation>按小票语言（Big5 / GB18030）</translation>
        </message>
        <message>
            <source>Big5 (Traditional Chinese printer)</source>
            <translation>Big5（繁体中文打印机）</translation>
        </message>
        <message>
            <source>GB18030 (Simplified Chinese printer)</source>
            <translation>GB18030（简体中文打印机）</translation>
        </message>
        <message>
            <source>As images (no Chinese font in the printer)</source>
            <translation>以图像打印（打印机没有中文字库）</translation>
        </message>
        <message>
            <source>Vendor:product id, e.g. 04b8:0202</source>
            <translation>厂商:产品代码，例如 04b8:0202</translation>
        </message>
        <message>
            <source>Host or host:port, e.g. 192.168.1.50:9100</source>
            <translation>主机或主机:端口，例如 192.168.1.50:9100</translation>
        </message>
        <message>
            <source>Device, e.g. /dev/ttyUSB0 or /dev/ttyUSB0@19200</source>
            <translation>设备，例如 /dev/ttyUSB0 或 /dev/ttyUSB0@19200</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>小票打印机</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Paper width</source>
            <translation>纸宽</translation>
        </message>
        <message>
            <source>Chinese characters</source>
            <translation>中文字符</translation>
        </message>
        <message>
            <source>Cash drawer</source>
            <translation>钱箱</translation>
        </message>
        <message>
            <source>Store name on receipts</source>
            <translation>小票上的店名</translation>
        </message>
        <message>
            <source>Store address on receipts</source>
            <translation>小票上的地址</translation>
        </message>
        <message>
            <source>{mm} mm roll</source>
            <translation>{mm} 毫米纸卷</translation>
        </message>
        <message>
            <source>Open the cash drawer after a cash sale</source>
            <translation>现金交易后打开钱箱</translation>
        </message>
        <message>
            <source>Ask each time (print dialog)</source>
            <translation>每次询问（打印对话框）</translation>
        </message>
        <message>
            <source>Printer settings saved.</source>
            <translation>打印机设置已保存。</translation>
        </message>
    </context>
</TS>
